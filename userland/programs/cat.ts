// cat [FILE…]: copies each FILE (a path open() knows, such as /dev/zero is
// not: it never ends), or standard input when there is none, to standard
// output. Exits 1 when a file cannot be opened or a write fails.

import { argAddr, argCount } from '../lib/args';
import { print, printBytes } from '../lib/print';
import { close, exit, isError, read, writeAll } from '../lib/sys';
import { cstrLength } from '../lib/text';
import { O_RDONLY, SYS_OPEN } from '../../kernel/syscall/numbers';

const buf: usize = memory.data(4096);

/** Copies `fd` to standard output until end of file; false when a read or write fails. */
function copy(fd: i64): bool {
  while (true) {
    const n = read(fd, buf, 4096);
    if (n == 0) return true;
    if (isError(n) || isError(writeAll(1, buf, usize(n)))) return false;
  }
}

let status: i32 = 0;
if (argCount() < 2) {
  if (!copy(0)) status = 1;
} else {
  for (let i: i32 = 1; i < argCount(); i++) {
    const fd = syscall(SYS_OPEN, argAddr(i), O_RDONLY, 0);
    if (isError(fd)) {
      print('cat: cannot open ');
      printBytes(argAddr(i), cstrLength(argAddr(i)));
      print('\n');
      status = 1;
      continue;
    }
    if (!copy(fd)) status = 1;
    close(fd);
  }
}
exit(status);
