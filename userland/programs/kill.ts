// kill [-SIG] PID...: sends signal SIG (a number, or a name such as TERM,
// INT, KILL, USR1, with or without SIG) to each PID; TERM by default. A
// negative PID is a process group. Exits 1 if any kill failed, saying why.

import { errnoName, exit, isError } from '../lib/sys';
import { argAddr, argCount, argLength } from '../lib/args';
import { printBytes, printf } from '../lib/print';
import { kill } from '../lib/signals';
import { bytesEqual, parseDecimal } from '../lib/text';

const NAMES: string[] = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM'];

/** The signal number the `len` bytes at `p` name (digits or a name), or -1. */
function signalNamed(p: usize, len: usize): i64 {
  const n = parseDecimal(p, len);
  if (n >= 0) return n;
  let at = p;
  let left = len;
  if (left > 3 && bytesEqual(at, 3, 'SIG')) {
    at += 3;
    left -= 3;
  }
  for (let i: i32 = 0; i < NAMES.length; i++) if (bytesEqual(at, left, NAMES[i])) return i64(i + 1);
  return -1;
}

let sig: i64 = 15;
let first: i32 = 1;
if (argCount() > 1 && load<u8>(argAddr(1)) == 45) { // '-' and then not a digit-only pid: a signal
  const s = signalNamed(argAddr(1) + 1, argLength(1) - 1);
  if (s < 0 || argCount() == 2) {
    printf('usage: kill [-SIG] PID...\n');
    exit(2);
  }
  sig = s;
  first = 2;
}
if (first >= argCount()) {
  printf('usage: kill [-SIG] PID...\n');
  exit(2);
}
let failed = 0;
for (let i = first; i < argCount(); i++) {
  const neg = load<u8>(argAddr(i)) == 45;
  const pid = parseDecimal(argAddr(i) + (neg ? 1 : 0), argLength(i) - (neg ? 1 : 0));
  const r = pid < 0 ? -22 : kill(neg ? -pid : pid, sig);
  if (isError(r)) {
    printf('kill: ');
    printBytes(argAddr(i), argLength(i));
    printf(`: ${errnoName(-r)}\n`);
    failed = 1;
  }
}
exit(failed);
