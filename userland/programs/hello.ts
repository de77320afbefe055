// hello: the smallest user program. Prints a greeting with its pid and its
// arguments, then exits with status 0.

import { argAddr, argCount, argLength } from '../lib/args';
import { print, printBytes, printf } from '../lib/print';
import { getpid } from '../lib/sys';

printf(`hello from tskc userland, pid ${getpid()}\n`);
const n = argCount();
for (let i: i32 = 1; i < n; i++) {
  printf(`arg ${i}: `);
  printBytes(argAddr(i), argLength(i));
  print('\n');
}
