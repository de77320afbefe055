// ln [-s] TARGET LINK: LINK becomes a second name of TARGET (linkat), or
// with -s a symbolic link holding TARGET (symlinkat; TARGET need not
// exist). `ln: failed to create hard link 'b': File exists` on standard
// error; exits 1 on failure. Built for tskc and Linux.
import { argAddr, argCount, flag, parseFlags } from '../lib/args';
import { complain, complainText, linkPath, symlinkPath } from '../lib/fsutil';
import { exit, isError } from '../lib/sys';

const first = parseFlags('s');
if (first < 0 || argCount() - first != 2) {
  complainText('ln', 'usage: ln [-s] TARGET LINK');
  exit(1);
}
const target = argAddr(first);
const link = argAddr(first + 1);
const r = flag('s') ? symlinkPath(target, link) : linkPath(target, link);
if (isError(r)) {
  complain('ln', flag('s') ? 'failed to create symbolic link' : 'failed to create hard link', link, r);
  exit(1);
}
exit(0);
