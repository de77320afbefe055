// mkdir [-p] DIR…: makes each directory (mode 0755, mkdirat); -p makes
// the missing parents too and takes an existing directory as done.
// `mkdir: cannot create directory 'x': File exists` on standard error;
// exits 1 if any failed. Built for tskc and Linux.
import { argAddr, argCount, flag, parseFlags } from '../lib/args';
import { complain, complainText, isDirMode, mkdirPath, stMode, statPath } from '../lib/fsutil';
import { exit, isError } from '../lib/sys';
import { cstrLength } from '../lib/text';
import { EEXIST } from '../../kernel/syscall/numbers';

/** mkdir -p of `path`: each prefix that ends before a slash made first (the path's bytes cut in place and put back). */
function makeParents(path: usize): i64 {
  const n = cstrLength(path);
  for (let k: usize = 1; k < n; k++) {
    if (load<u8>(path + k) != 47 || load<u8>(path + k - 1) == 47) continue;
    store<u8>(path + k, 0);
    const r = mkdirPath(path, 0o755);
    store<u8>(path + k, 47);
    if (isError(r) && r != -EEXIST) return r;
  }
  return mkdirPath(path, 0o755);
}

const first = parseFlags('p');
if (first < 0 || first >= argCount()) {
  complainText('mkdir', first < 0 ? 'usage: mkdir [-p] DIR...' : 'missing operand');
  exit(1);
}
let status: i32 = 0;
for (let i = first; i < argCount(); i++) {
  const path = argAddr(i);
  let r = flag('p') ? makeParents(path) : mkdirPath(path, 0o755);
  if (r == -EEXIST && flag('p') && !isError(statPath(path, false)) && isDirMode(stMode())) r = 0;
  if (isError(r)) {
    complain('mkdir', 'cannot create directory', path, r);
    status = 1;
  }
}
exit(status);
