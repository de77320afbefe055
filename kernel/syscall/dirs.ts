// Directories from user space: getdents64 (the entries of an open
// directory as Linux's `struct linux_dirent64` records), chdir (the
// process's current directory, its path kept normalised) and getcwd.
// docs/storage.md, "Files".
import { cwdLength, cwdPath, cwdSet, CWD_MAX } from '../fs/cwd';
import { DirEntry, dirNext } from '../fs/ext2/dir';
import { Ext2File } from '../fs/ext2/file';
import { Inode, S_IFDIR, S_IFMT } from '../fs/ext2/inode';
import { copyToUser } from '../mm/usercopy';
import { currentProcess } from '../proc/sched';
import { deviceOf } from './files';
import { resolve, takePath } from './fs';
import { AT_FDCWD, EBADF, EINVAL, ENAMETOOLONG, ENOTDIR, ERANGE } from './numbers';

/** d_type of each ext2 file type (0 unknown, 1 regular, 2 directory, 3 char, 4 block, 5 fifo, 6 socket, 7 symlink). */
const DT_OF: u8[] = [0, 8, 4, 2, 6, 1, 12, 10];
const record = new Uint8Array(280); // 19 bytes of header, a name of up to 255, the NUL, padding to 8
const normal = new Uint8Array(4096);

/** getdents64(fd, dirp, count): bytes of records written, 0 at the end, -EINVAL if `count` cannot hold the next one. */
export function sysGetdents64(fd: i64, buf: u64, count: u64): i64 {
  const d = deviceOf(fd);
  if (d === null) return -EBADF;
  if (!(d instanceof Ext2File) || !d.isDirectory()) return -ENOTDIR;
  const e = new DirEntry();
  const rec = changetype<usize>(record) + 8;
  let written: u64 = 0;
  let r: i64 = 0;
  while (true) {
    const next = dirNext(d.inode, d.pos, e);
    if (next <= 0) {
      r = next;
      break;
    }
    if (e.ino != 0) {
      const len = (u64(19 + e.nameLen + 1) + 7) & ~u64(7);
      if (written + len > count) {
        if (written == 0) r = -EINVAL;
        break;
      }
      memset(rec, 0, usize(len));
      store<u64>(rec, u64(e.ino));
      store<i64>(rec + 8, next); // d_off: where the next entry starts
      store<u16>(rec + 16, u16(len));
      store<u8>(rec + 18, e.type <= 7 ? DT_OF[e.type] : 0); // ext2 type → DT_*
      memcpy(rec + 19, changetype<usize>(e.name) + 8, usize(e.nameLen));
      const c = copyToUser(buf + written, rec, len);
      if (c < 0) {
        r = c;
        break;
      }
      written += len;
    }
    d.pos = u64(next);
  }
  free(e);
  return written > 0 ? i64(written) : r;
}

/** Appends the `n`-byte path at `p` to the normalised absolute path in `normal` of length `len`; the new length, or -ENAMETOOLONG. */
function normalise(p: usize, n: i32, len: i32): i32 {
  const out = changetype<usize>(normal) + 8;
  let at = len;
  let i: i32 = 0;
  while (i < n) {
    while (i < n && load<u8>(p + usize(i)) == 47) i++;
    let end = i;
    while (end < n && load<u8>(p + usize(end)) != 47) end++;
    const k = end - i;
    if (k == 0 || (k == 1 && load<u8>(p + usize(i)) == 46)) { /* empty or "." */ }
    else if (k == 2 && load<u8>(p + usize(i)) == 46 && load<u8>(p + usize(i) + 1) == 46) {
      while (at > 0 && load<u8>(out + usize(at - 1)) != 47) at--;
      if (at > 1) at--; // drop the slash too, but keep the root's
    } else {
      if (at + 1 + k > CWD_MAX) return i32(-ENAMETOOLONG);
      if (at > 1) {
        store<u8>(out + usize(at), 47);
        at++;
      }
      memcpy(out + usize(at), p + usize(i), usize(k));
      at += k;
    }
    i = end;
  }
  return at;
}

export function sysChdir(user: u64): i64 {
  const path = takePath(user);
  if (path.length < 0) {
    const e = path.length;
    free(path);
    return e;
  }
  const inode = new Inode();
  let r = resolve(AT_FDCWD, path, true, inode);
  if (r == 0 && (inode.mode & S_IFMT) != S_IFDIR) r = -ENOTDIR;
  if (r == 0) {
    const p = currentProcess();
    const out = changetype<usize>(normal) + 8;
    store<u8>(out, 47);
    let len: i32 = 1;
    if (load<u8>(path.at()) != 47) {
      len = cwdLength(p);
      memcpy(out, cwdPath(p), usize(len));
    }
    len = normalise(path.at(), i32(path.length), len);
    if (len < 0) r = i64(len);
    else cwdSet(p, inode.ino, out, len);
  }
  free(inode);
  free(path);
  return r;
}

/** getcwd(buf, size): the path's length with its NUL, or -ERANGE if `size` is too small. */
export function sysGetcwd(buf: u64, size: u64): i64 {
  const p = currentProcess();
  const len = u64(cwdLength(p));
  if (size < len + 1) return size == 0 ? -EINVAL : -ERANGE;
  const out = changetype<usize>(normal) + 8;
  memcpy(out, cwdPath(p), usize(len));
  store<u8>(out + usize(len), 0);
  const r = copyToUser(buf, out, len + 1);
  return r < 0 ? r : i64(len + 1);
}
