// Symbolic links and file times: symlinkat (and symlink), readlinkat (and
// readlink), and utimensat, which sets a file's access and modification
// times (to now when `times` is NULL; touch uses it). A symbolic link's
// target is 1 to blockSize - 1 bytes: under 60 it lives in the inode
// (a fast link), else in a block of its own (kernel/fs/ext2/namei.ts).
// Lookups follow links (kernel/fs/ext2/path.ts: at most 8 deep, then
// -ELOOP). docs/storage.md, "Writing".
import { deviceNamed } from '../fs/devices';
import { Ext2File } from '../fs/ext2/file';
import { iadopt, iput } from '../fs/ext2/icache';
import { Inode, S_IFLNK, S_IFMT, writeInode } from '../fs/ext2/inode';
import { fsLock, fsReadLock, fsReadUnlock, fsUnlock } from '../fs/ext2/lock';
import { ext2Symlink } from '../fs/ext2/namei';
import { readLink } from '../fs/ext2/path';
import { volume } from '../fs/ext2/volume';
import { copyFromUser, copyToUser } from '../mm/usercopy';
import { deviceOf } from './files';
import { PathArg, resolve, takePath } from './fs';
import { LastName, parentOf } from './names';
import {
  AT_FDCWD, AT_SYMLINK_NOFOLLOW, EBADF, EEXIST, EFAULT, EINVAL, ENAMETOOLONG, ENOENT, EROFS, UTIME_NOW, UTIME_OMIT,
} from './numbers';
import { wallSeconds } from './time';

const linkText = new Uint8Array(4096);
const times = new Int64Array(4);

/** symlinkat(target, newdirfd, linkpath): a symbolic link at linkpath (from newdirfd) holding `target`; symlink is it from AT_FDCWD. */
export function sysSymlinkat(targetUser: u64, dirfd: i64, linkUser: u64): i64 {
  const target = takePath(targetUser);
  const link = takePath(linkUser);
  let r = target.length < 0 ? target.length : link.length;
  if (r >= 0 && target.length == 0) r = -ENOENT;
  else if (r >= 0 && volume.mounted && target.length >= i64(volume.blockSize)) r = -ENAMETOOLONG;
  if (r >= 0) r = makeLink(target, dirfd, link);
  free(target);
  free(link);
  return r;
}

function makeLink(target: PathArg, dirfd: i64, link: PathArg): i64 {
  fsLock();
  const name = new LastName();
  const dir = parentOf(dirfd, link, name);
  let r: i64 = name.err;
  if (dir !== null) {
    if (!volume.writable) r = -EROFS;
    else if (name.dots != 0) r = -EEXIST;
    else r = ext2Symlink(dir, name.at, name.len, target.at(), i32(target.length));
    iput(dir);
  }
  fsUnlock();
  free(name);
  return r;
}

/** readlinkat(dirfd, path, buf, size): the target's bytes (no NUL, cut to `size`); -EINVAL for a file that is no link or a size ≤ 0. */
export function sysReadlinkat(dirfd: i64, user: u64, buf: u64, size: i64): i64 {
  if (size <= 0) return -EINVAL;
  const path = takePath(user);
  let r = path.length;
  if (r >= 0) {
    const inode = new Inode();
    r = resolve(dirfd, path, false, inode);
    if (r == 0 && (inode.mode & S_IFMT) != S_IFLNK) r = -EINVAL;
    if (r == 0) {
      const at = changetype<usize>(linkText) + 8;
      fsReadLock();
      r = readLink(inode, at, 4096);
      fsReadUnlock();
      if (r > size) r = size;
      if (r > 0) {
        const c = copyToUser(buf, at, u64(r));
        if (c < 0) r = c;
      }
    }
    free(inode);
  }
  free(path);
  return r;
}

/** Whether a utimensat tv_nsec is valid: 0 … 999,999,999, UTIME_NOW or UTIME_OMIT. */
function validNsec(ns: i64): bool {
  return (ns >= 0 && ns < 1_000_000_000) || ns == UTIME_NOW || ns == UTIME_OMIT;
}

/** utimensat(dirfd, path, times, flags): 0; NULL `times` sets both to now, a NULL path the file open at `dirfd`. */
export function sysUtimensat(dirfd: i64, user: u64, timesUser: u64, flags: u64): i64 {
  if ((flags & ~u64(AT_SYMLINK_NOFOLLOW)) != 0) return -EINVAL;
  const now = i64(wallSeconds());
  times[0] = now;
  times[1] = UTIME_NOW;
  times[2] = now;
  times[3] = UTIME_NOW;
  if (timesUser != 0) {
    const c = copyFromUser(changetype<usize>(times) + 8, timesUser, 32);
    if (c < 0) return c;
    if (!validNsec(times[1]) || !validNsec(times[3])) return -EINVAL;
  }
  if (user == 0) {
    if (dirfd == AT_FDCWD) return -EFAULT;
    const d = deviceOf(dirfd);
    if (d === null) return -EBADF;
    if (!(d instanceof Ext2File)) return 0; // a device: no times kept
    fsLock();
    const r = setTimes(d.inode, now);
    fsUnlock();
    return r;
  }
  const path = takePath(user);
  let r = path.length;
  if (r >= 0) r = timesOfPath(dirfd, path, (flags & u64(AT_SYMLINK_NOFOLLOW)) == 0, now);
  free(path);
  return r;
}

function timesOfPath(dirfd: i64, path: PathArg, follow: bool, now: i64): i64 {
  const dev = deviceNamed(path.at(), usize(path.length));
  if (dev !== null) {
    dev.opened(); // made for this lookup, as stat's: given back at once
    dev.released();
    return 0;
  }
  fsLock();
  const found = new Inode();
  let r = resolve(dirfd, path, follow, found);
  if (r < 0) free(found);
  else {
    const inode = iadopt(found);
    r = setTimes(inode, now);
    iput(inode);
  }
  fsUnlock();
  return r;
}

/** Sets the times `times` holds in `inode` (held) and writes it: 0 or -errno. Called with the lock held. */
function setTimes(inode: Inode, now: i64): i64 {
  if (!volume.writable) return -EROFS;
  if (times[1] != UTIME_OMIT) inode.atime = u32(times[1] == UTIME_NOW ? now : times[0]);
  if (times[3] != UTIME_OMIT) inode.mtime = u32(times[3] == UTIME_NOW ? now : times[2]);
  inode.ctime = u32(now);
  return i64(writeInode(inode, false));
}
