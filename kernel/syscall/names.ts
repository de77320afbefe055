// The calls that change names on the ext2 volume: mkdir, rmdir, unlink,
// link, rename, their *at forms (mkdirat, unlinkat, linkat, renameat,
// renameat2: a relative path from a directory fd), and open's O_CREAT
// (createAt). A path is split into its
// directory, looked up (following links) and held, and its last
// component, which must not be `.` or `..` (each call answers those as
// Linux does). Each call holds the volume's lock (kernel/fs/ext2/lock.ts)
// throughout; on a volume mounted read-only each is -EROFS.
// docs/storage.md, "Writing".
import { iadopt, iput } from '../fs/ext2/icache';
import { Inode, ROOT_INODE, S_IFDIR, S_IFMT } from '../fs/ext2/inode';
import { fsLock, fsUnlock } from '../fs/ext2/lock';
import { ext2Create, ext2Link, ext2Mkdir, ext2Rename, ext2Rmdir, ext2Unlink } from '../fs/ext2/namei';
import { lookup, NAME_MAX } from '../fs/ext2/path';
import { volume } from '../fs/ext2/volume';
import { PathArg, resolve, startDir, takePath } from './fs';
import { DirEntry, dirLookup } from '../fs/ext2/dir';
import { AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_FOLLOW, EBUSY, EEXIST, EINVAL, EISDIR, ENAMETOOLONG, ENOENT, ENOTDIR, ENOTEMPTY, EROFS, RENAME_NOREPLACE } from './numbers';

/** A path's last component, as parentOf found it. */
export class LastName {
  at: usize = 0;
  len: i32 = 0;
  /** 1 for `.` (or the root itself), 2 for `..`, else 0. */
  dots: i32 = 0;
  err: i64 = 0;
}

/** The directory holding the last component of `p` (held), its name in `out`; null with out.err set. */
export function parentOf(dirfd: i64, p: PathArg, out: LastName): Inode | null {
  const at = p.at();
  let end = i32(p.length);
  out.err = 0;
  if (end == 0 || !volume.mounted) out.err = -ENOENT;
  while (end > 0 && load<u8>(at + usize(end - 1)) == 47) end--;
  let start = end;
  while (start > 0 && load<u8>(at + usize(start - 1)) != 47) start--;
  out.at = at + usize(start);
  out.len = end - start;
  const dot = out.len >= 1 && out.len <= 2 && load<u8>(out.at) == 46 && (out.len == 1 || load<u8>(out.at + 1) == 46);
  out.dots = out.len == 0 ? 1 : dot ? out.len : 0;
  if (out.len > NAME_MAX) out.err = -ENAMETOOLONG;
  if (out.err < 0) return null;
  const absolute = load<u8>(at) == 47;
  const from = absolute ? i64(ROOT_INODE) : startDir(dirfd);
  if (from < 0) {
    out.err = from;
    return null;
  }
  const dir = new Inode();
  let r = i64(lookup(at, start, u32(from), true, dir));
  if (r == 0 && (dir.mode & S_IFMT) != S_IFDIR) r = -ENOTDIR;
  if (r < 0) {
    free(dir);
    out.err = r;
    return null;
  }
  return iadopt(dir);
}

/** open's O_CREAT of a missing file: the new inode, held, or null with the error in err[0]. Called with the lock held. */
export function createAt(dirfd: i64, p: PathArg, mode: u32, err: Int64Array): Inode | null {
  const name = new LastName();
  const dir = parentOf(dirfd, p, name);
  let made: Inode | null = null;
  if (dir === null) err[0] = name.err;
  else {
    if (name.dots != 0 || load<u8>(p.at() + usize(p.length) - 1) == 47) err[0] = -EISDIR; // "dir/" names a directory
    else made = ext2Create(dir, name.at, name.len, mode, err);
    iput(dir);
  }
  free(name);
  return made;
}

const MKDIR: i32 = 0;
const RMDIR: i32 = 1;
const UNLINK: i32 = 2;

/** mkdir, rmdir and unlink (and their *at forms, from `dirfd`): one path, one operation. */
function onePath(dirfd: i64, user: u64, op: i32, mode: u64): i64 {
  const path = takePath(user);
  if (path.length < 0) {
    const e = path.length;
    free(path);
    return e;
  }
  fsLock();
  const name = new LastName();
  const dir = parentOf(dirfd, path, name);
  let r: i64 = name.err;
  if (dir !== null) {
    if (!volume.writable) r = -EROFS;
    else if (name.dots != 0) r = op == MKDIR ? -EEXIST : op == UNLINK ? -EISDIR : name.dots == 1 ? -EINVAL : -ENOTEMPTY;
    else if (op == MKDIR) r = ext2Mkdir(dir, name.at, name.len, u32(mode));
    else if (op == RMDIR) r = ext2Rmdir(dir, name.at, name.len);
    else r = ext2Unlink(dir, name.at, name.len);
    iput(dir);
  }
  fsUnlock();
  free(name);
  free(path);
  return r;
}

export function sysMkdirat(dirfd: i64, user: u64, mode: u64): i64 { return onePath(dirfd, user, MKDIR, mode); }
export function sysRmdir(user: u64): i64 { return onePath(AT_FDCWD, user, RMDIR, 0); }
export function sysUnlink(user: u64): i64 { return onePath(AT_FDCWD, user, UNLINK, 0); }

/** unlinkat(dirfd, path, flags): unlink, or rmdir with AT_REMOVEDIR; other flags -EINVAL. */
export function sysUnlinkat(dirfd: i64, user: u64, flags: u64): i64 {
  if ((flags & ~u64(AT_REMOVEDIR)) != 0) return -EINVAL;
  return onePath(dirfd, user, (flags & u64(AT_REMOVEDIR)) != 0 ? RMDIR : UNLINK, 0);
}

/** linkat(olddirfd, oldpath, newdirfd, newpath, flags): a second name for a file (a symbolic link itself, unless AT_SYMLINK_FOLLOW); link is it from AT_FDCWD. */
export function sysLinkat(oldDirfd: i64, oldUser: u64, newDirfd: i64, newUser: u64, flags: u64): i64 {
  if ((flags & ~u64(AT_SYMLINK_FOLLOW)) != 0) return -EINVAL;
  const from = takePath(oldUser);
  const to = takePath(newUser);
  let r = from.length < 0 ? from.length : to.length;
  if (r >= 0) {
    fsLock();
    const found = new Inode();
    r = resolve(oldDirfd, from, (flags & u64(AT_SYMLINK_FOLLOW)) != 0, found);
    if (r < 0) free(found);
    else {
      const target = iadopt(found);
      const name = new LastName();
      const dir = parentOf(newDirfd, to, name);
      r = name.err;
      if (dir !== null) {
        if (!volume.writable) r = -EROFS;
        else if (name.dots != 0) r = -EEXIST;
        else r = ext2Link(target, dir, name.at, name.len);
        iput(dir);
      }
      free(name);
      iput(target);
    }
    fsUnlock();
  }
  free(from);
  free(to);
  return r;
}

/** renameat2(olddirfd, oldpath, newdirfd, newpath, flags), replacing what newpath named unless RENAME_NOREPLACE; rename and renameat are it without flags. */
export function sysRenameat2(oldDirfd: i64, oldUser: u64, newDirfd: i64, newUser: u64, flags: u64): i64 {
  if ((flags & ~u64(RENAME_NOREPLACE)) != 0) return -EINVAL;
  const from = takePath(oldUser);
  const to = takePath(newUser);
  let r = from.length < 0 ? from.length : to.length;
  if (r >= 0) {
    fsLock();
    const a = new LastName();
    const b = new LastName();
    const oldDir = parentOf(oldDirfd, from, a);
    const newDir = oldDir === null ? null : parentOf(newDirfd, to, b);
    r = oldDir === null ? a.err : b.err;
    if (oldDir !== null && newDir !== null) {
      if (!volume.writable) r = -EROFS;
      else if (a.dots != 0 || b.dots != 0) r = -EBUSY;
      else if (flags != 0 && taken(newDir, b)) r = -EEXIST;
      else r = ext2Rename(oldDir, a.at, a.len, newDir, b.at, b.len);
    }
    if (newDir !== null) iput(newDir);
    if (oldDir !== null) iput(oldDir);
    fsUnlock();
    free(a);
    free(b);
  }
  free(from);
  free(to);
  return r;
}

/** Whether `name` exists in `dir` (renameat2's RENAME_NOREPLACE). */
function taken(dir: Inode, name: LastName): bool {
  const e = new DirEntry();
  const r = dirLookup(dir, name.at, name.len, e);
  free(e);
  return r != 0;
}
