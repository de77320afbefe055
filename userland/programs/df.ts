// df [PATH…]: the size and use of the volume holding each PATH (`/` by
// default), from statfs, one line each after a header:
//   1K-blocks Used Available Use% Inodes IFree Path
// Used is blocks less free blocks; Use% is Used over Used plus Available,
// rounded up, as GNU df has it. `df: x: No such file or directory` on
// standard error, exit 1. Built for tskc and Linux.
import { argAddr, argCount } from '../lib/args';
import { complainBare } from '../lib/fsutil';
import { print, printBytes, printf } from '../lib/print';
import { exit, isError } from '../lib/sys';
import { cstrLength } from '../lib/text';
import { SYS_STATFS } from '../../kernel/syscall/numbers';

const sfs: usize = memory.data(120);

/** One line for `path`: true, or false after saying why. */
function show(path: usize): bool {
  const r = syscall(SYS_STATFS, path, sfs);
  if (isError(r)) {
    complainBare('df', path, r);
    return false;
  }
  const bsize = load<i64>(sfs + 8);
  const blocks = load<i64>(sfs + 16);
  const bfree = load<i64>(sfs + 24);
  const bavail = load<i64>(sfs + 32);
  const k = bsize / 1024;
  const used = (blocks - bfree) * k;
  const avail = bavail * k;
  const pct = used + avail == 0 ? 0 : (used * 100 + used + avail - 1) / (used + avail);
  printf(`${blocks * k} ${used} ${avail} ${pct}% ${load<i64>(sfs + 40)} ${load<i64>(sfs + 48)} `);
  printBytes(path, cstrLength(path));
  print('\n');
  return true;
}

print('1K-blocks Used Available Use% Inodes IFree Path\n');
let status: i32 = 0;
if (argCount() < 2) {
  if (!show(changetype<usize>('/') + 8)) status = 1;
}
for (let i: i32 = 1; i < argCount(); i++) if (!show(argAddr(i))) status = 1;
exit(status);
