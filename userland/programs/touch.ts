// touch FILE…: creates each missing FILE (empty, mode 0644) and sets the
// access and modification times of each to now (utimensat with NULL
// times). `touch: cannot touch 'x': No such file or directory` on
// standard error; exits 1 if any failed. Built for tskc and Linux.
import { argAddr, argCount } from '../lib/args';
import { complain, complainText, openPath, touchTimes } from '../lib/fsutil';
import { close, exit, isError } from '../lib/sys';
import { ENOENT, O_CREAT, O_WRONLY } from '../../kernel/syscall/numbers';

if (argCount() < 2) {
  complainText('touch', 'missing file operand');
  exit(1);
}
let status: i32 = 0;
for (let i: i32 = 1; i < argCount(); i++) {
  const path = argAddr(i);
  let r = touchTimes(path);
  if (r == -ENOENT) { // make it
    r = openPath(path, O_WRONLY | O_CREAT, 0o644);
    if (!isError(r)) r = close(r);
  }
  if (isError(r)) {
    complain('touch', 'cannot touch', path, r);
    status = 1;
  }
}
exit(status);
