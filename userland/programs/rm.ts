// rm [-rf] FILE…: removes each FILE; a directory only with -r, its
// contents first (unlinkat with AT_REMOVEDIR, relative to the directory's
// fd). -f: a missing FILE is no error. `rm: cannot remove 'x': No such
// file or directory` on standard error; exits 1 if anything failed.
// Built for tskc and Linux.
import { argAddr, argCount, badFlag, flag, parseFlags } from '../lib/args';
import { complain, complainText, isDirMode, stMode, statPath, unlinkIn } from '../lib/fsutil';
import { close, exit, isError } from '../lib/sys';
import { AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW, EISDIR, ENOENT, O_RDONLY, SYS_GETDENTS64, SYS_NEWFSTATAT, SYS_OPENAT } from '../../kernel/syscall/numbers';

const O_DIRECTORY: i64 = 0o200000;
const O_NOFOLLOW: i64 = 0o400000;
const entSt: usize = memory.data(144);

/** Empties the directory open at `fd`: 0, or the first -errno met. */
function empty(fd: i64): i64 {
  const buf = new Uint8Array(4096); // one per level: the recursion below reuses nothing of it
  const b = changetype<usize>(buf) + 8;
  let result: i64 = 0;
  while (true) {
    const n = syscall(SYS_GETDENTS64, fd, b, 4096);
    if (n <= 0) {
      if (isError(n)) result = n;
      break;
    }
    for (let at: i64 = 0; at < n; at += i64(load<u16>(b + usize(at) + 16))) {
      const name = b + usize(at) + 19;
      const dot = load<u8>(name) == 46 && (load<u8>(name + 1) == 0 || (load<u8>(name + 1) == 46 && load<u8>(name + 2) == 0));
      if (dot) continue;
      const r = removeIn(fd, name);
      if (r < 0 && result == 0) result = r;
    }
  }
  free(buf);
  return result;
}

/** Removes `name` in the directory open at `dirfd` (a directory with what it holds): 0 or -errno. */
function removeIn(dirfd: i64, name: usize): i64 {
  const s = syscall(SYS_NEWFSTATAT, dirfd, name, entSt, AT_SYMLINK_NOFOLLOW);
  if (isError(s)) return s;
  if (!isDirMode(load<u32>(entSt + 24))) return unlinkIn(dirfd, name, 0);
  const fd = syscall(SYS_OPENAT, dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, 0);
  if (isError(fd)) return fd;
  const r = empty(fd);
  close(fd);
  return r < 0 ? r : unlinkIn(dirfd, name, AT_REMOVEDIR);
}

const first = parseFlags('rfR');
if (first < 0 || (first >= argCount() && !flag('f'))) {
  complainText('rm', first < 0 ? 'usage: rm [-rf] FILE...' : 'missing operand');
  exit(1);
}
const recursive = flag('r') || flag('R');
let status: i32 = 0;
for (let i = first; i < argCount(); i++) {
  const path = argAddr(i);
  let r = statPath(path, true);
  if (!isError(r)) {
    if (isDirMode(stMode()) && !recursive) r = -EISDIR;
    else r = recursive ? removeIn(AT_FDCWD, path) : unlinkIn(AT_FDCWD, path, 0);
  }
  if (isError(r) && !(flag('f') && r == -ENOENT)) {
    complain('rm', 'cannot remove', path, r);
    status = 1;
  }
}
exit(status);
