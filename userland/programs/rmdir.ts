// rmdir DIR…: removes each empty directory (unlinkat with AT_REMOVEDIR).
// `rmdir: failed to remove 'x': Directory not empty` on standard error;
// exits 1 if any failed. Built for tskc and Linux.
import { argAddr, argCount } from '../lib/args';
import { complain, complainText, unlinkIn } from '../lib/fsutil';
import { exit, isError } from '../lib/sys';
import { AT_FDCWD, AT_REMOVEDIR } from '../../kernel/syscall/numbers';

if (argCount() < 2) {
  complainText('rmdir', 'missing operand');
  exit(1);
}
let status: i32 = 0;
for (let i: i32 = 1; i < argCount(); i++) {
  const r = unlinkIn(AT_FDCWD, argAddr(i), AT_REMOVEDIR);
  if (isError(r)) {
    complain('rmdir', 'failed to remove', argAddr(i), r);
    status = 1;
  }
}
exit(status);
