// The file system calls with Linux's numbers: openat (and open through
// it), lseek, stat/lstat/fstat/newfstatat, getdents64, chdir and getcwd.
// A path names a device (`/dev/…`, kernel/fs/devices.ts) or a file on the
// ext2 volume mounted as `/` (kernel/fs/ext2/), relative paths from the
// process's current directory (kernel/fs/cwd.ts). open creates (O_CREAT,
// in names.ts), truncates (O_TRUNC) and appends (O_APPEND); on a volume
// mounted read-only each of those, and write access, is -EROFS.
// docs/storage.md, "Files".
import { deviceNamed } from '../fs/devices';
import { Device } from '../fs/device';
import { cwdInode } from '../fs/cwd';
import { fdInstall, fdLowestFree } from '../fs/fdtable';
import { PipeEnd } from '../fs/pipe';
import { Ext2File } from '../fs/ext2/file';
import { iadopt, iput } from '../fs/ext2/icache';
import { Inode, S_IFDIR, S_IFMT, S_IFREG } from '../fs/ext2/inode';
import { fsLock, fsUnlock } from '../fs/ext2/lock';
import { ext2Truncate } from '../fs/ext2/truncate';
import { lookup } from '../fs/ext2/path';
import { volume } from '../fs/ext2/volume';
import { copyStringFromUser, copyToUser } from '../mm/usercopy';
import { currentProcess } from '../proc/sched';
import { deviceOf } from './files';
import { createAt } from './names';
import {
  AT_EMPTY_PATH, AT_FDCWD, AT_SYMLINK_NOFOLLOW, EBADF, EEXIST, EINVAL, EISDIR, EMFILE, ENOENT, ENOTDIR, EROFS, ESPIPE, O_CLOEXEC, O_RDWR,
} from './numbers';

/** Paths are at most PATH_MAX bytes with their NUL (Linux's 4096). */
export const PATH_MAX: i32 = 4096;
export const O_CREAT: u64 = 0o100;
export const O_EXCL: u64 = 0o200;
export const O_TRUNC: u64 = 0o1000;
export const O_APPEND: u64 = 0o2000;
export const O_DIRECTORY: u64 = 0o200000;
/** Bytes of a Linux x86-64 `struct stat`. */
export const STAT_SIZE: u64 = 144;
const S_IFCHR: u32 = 0x2000;
const S_IFIFO: u32 = 0x1000;

/**
 * A path copied in from user memory. Each call takes its own (freed with
 * `free` when done): a lookup can sleep on the disk, and another process's
 * call would overwrite a shared buffer meanwhile.
 */
export class PathArg {
  readonly bytes = new Uint8Array(4096);
  /** Its length, or -errno if the copy failed (-ENAMETOOLONG, -EFAULT). */
  length: i64 = 0;

  at(): usize {
    return changetype<usize>(this.bytes) + 8;
  }
}
const statBuf = new Uint8Array(144);

/** A new PathArg with the user path at `user` (its `length` says whether the copy worked). */
export function takePath(user: u64): PathArg {
  const p = new PathArg();
  p.length = copyStringFromUser(p.at(), user, u64(PATH_MAX));
  return p;
}

/** The directory a relative path starts from: the cwd for AT_FDCWD, else the directory open at `dirfd`; -errno if it is not one. */
export function startDir(dirfd: i64): i64 {
  if (dirfd == AT_FDCWD) return i64(cwdInode(currentProcess()));
  const d = deviceOf(dirfd);
  if (d === null) return -EBADF;
  if (!(d instanceof Ext2File) || !d.isDirectory()) return -ENOTDIR;
  return i64(d.inode.ino);
}

/** Resolves path `p` from `dirfd` into `out`: 0 or -errno. */
export function resolve(dirfd: i64, p: PathArg, follow: bool, out: Inode): i64 {
  if (p.length == 0) return -ENOENT;
  if (!volume.mounted) return -ENOENT;
  const absolute = load<u8>(p.at()) == 47;
  const start = absolute ? i64(0) : startDir(dirfd);
  if (start < 0) return start;
  return i64(lookup(p.at(), i32(p.length), u32(start), follow, out));
}

export function sysOpenat(dirfd: i64, user: u64, flags: u64, mode: u64): i64 {
  if ((flags & 3) > u64(O_RDWR)) return -EINVAL;
  const path = takePath(user);
  const r = path.length < 0 ? path.length : openPath(dirfd, path, flags, mode);
  free(path);
  return r;
}

function openPath(dirfd: i64, path: PathArg, flags: u64, mode: u64): i64 {
  const p = currentProcess();
  const fd = fdLowestFree(p, 0);
  if (fd < 0) return -EMFILE; // before the device: an object made for this open would have no owner
  let d: Device | null = deviceNamed(path.at(), usize(path.length));
  if (d === null) {
    fsLock();
    const inode = openInode(dirfd, path, flags, mode);
    if (inode !== null) d = new Ext2File(inode, (flags & O_APPEND) != 0);
    fsUnlock();
    if (d === null) return openError[0];
  }
  fdInstall(p, fd, d!, u8(flags & 3), (flags & u64(O_CLOEXEC)) != 0);
  return i64(fd);
}

const openError = new Int64Array(1);

/** The inode open gives an fd (held), created or truncated as `flags` say; null with the error in openError[0]. */
function openInode(dirfd: i64, path: PathArg, flags: u64, mode: u64): Inode | null {
  const found = new Inode();
  const r = resolve(dirfd, path, true, found);
  const writing = (flags & 3) != 0 || (flags & O_TRUNC) != 0;
  let err: i64 = 0;
  if (r == -ENOENT && (flags & O_CREAT) != 0 && volume.mounted) {
    free(found);
    return volume.writable ? createAt(dirfd, path, u32(mode), openError) : fail(-EROFS);
  }
  if (r < 0) err = r;
  else if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) err = -EEXIST;
  else if (writing && (found.mode & S_IFMT) == S_IFDIR) err = -EISDIR;
  else if (writing && !volume.writable) err = -EROFS;
  else if ((flags & O_DIRECTORY) != 0 && (found.mode & S_IFMT) != S_IFDIR) err = -ENOTDIR;
  if (err < 0) {
    free(found);
    return fail(err);
  }
  const inode = iadopt(found);
  if ((flags & O_TRUNC) != 0 && (inode.mode & S_IFMT) == S_IFREG && inode.size != 0) {
    const t = ext2Truncate(inode, 0);
    if (t < 0) {
      iput(inode);
      return fail(i64(t));
    }
  }
  return inode;
}

function fail(err: i64): Inode | null {
  openError[0] = err;
  return null;
}

export function sysLseek(fd: i64, offset: i64, whence: i64): i64 {
  const d = deviceOf(fd);
  if (d === null) return -EBADF;
  if (!(d instanceof Ext2File)) return -ESPIPE;
  return d.seek(offset, whence);
}

/** Fills statBuf from `inode` (a file on the volume) and copies it to `buf`. */
function statInode(inode: Inode, buf: u64): i64 {
  const s = changetype<usize>(statBuf) + 8;
  memset(s, 0, usize(STAT_SIZE));
  store<u64>(s, u64(0x800 + volume.disk)); // st_dev: the disk, as Linux's 8:N for a disk
  store<u64>(s + 8, u64(inode.ino));
  store<u64>(s + 16, u64(inode.links));
  store<u32>(s + 24, inode.mode);
  store<u32>(s + 28, inode.uid);
  store<u32>(s + 32, inode.gid);
  store<u64>(s + 48, inode.size);
  store<u64>(s + 56, u64(volume.blockSize));
  store<u64>(s + 64, inode.sectors);
  store<u64>(s + 72, u64(inode.atime));
  store<u64>(s + 88, u64(inode.mtime));
  store<u64>(s + 104, u64(inode.ctime));
  return copyToUser(buf, s, STAT_SIZE);
}

/** The stat of a device fd: a character device (or a pipe), size 0. */
function statDevice(d: Device, buf: u64): i64 {
  const s = changetype<usize>(statBuf) + 8;
  memset(s, 0, usize(STAT_SIZE));
  store<u32>(s + 24, d instanceof PipeEnd ? S_IFIFO | 0o600 : S_IFCHR | 0o666);
  store<u64>(s + 16, 1);
  store<u64>(s + 56, 4096);
  return copyToUser(buf, s, STAT_SIZE);
}

export function sysFstat(fd: i64, buf: u64): i64 {
  const d = deviceOf(fd);
  if (d === null) return -EBADF;
  return d instanceof Ext2File ? statInode(d.inode, buf) : statDevice(d, buf);
}

/** newfstatat(dirfd, path, buf, flags); stat and lstat are it with AT_FDCWD. */
export function sysNewfstatat(dirfd: i64, user: u64, buf: u64, flags: u64): i64 {
  if ((flags & ~u64(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
  const path = takePath(user);
  const r = path.length < 0 ? path.length : statPath(dirfd, path, buf, flags);
  free(path);
  return r;
}

function statPath(dirfd: i64, path: PathArg, buf: u64, flags: u64): i64 {
  if (path.length == 0 && (flags & u64(AT_EMPTY_PATH)) != 0) return dirfd == AT_FDCWD ? sysStatCwd(buf) : sysFstat(dirfd, buf);
  const dev = deviceNamed(path.at(), usize(path.length));
  if (dev !== null) {
    const r = statDevice(dev, buf);
    dev.opened(); // a device made for this lookup (a /dev/pci snapshot) is freed by its release; the shared ones ignore both
    dev.released();
    return r;
  }
  const inode = new Inode();
  let r = resolve(dirfd, path, (flags & u64(AT_SYMLINK_NOFOLLOW)) == 0, inode);
  if (r == 0) r = statInode(inode, buf);
  free(inode);
  return r;
}

function sysStatCwd(buf: u64): i64 {
  if (!volume.mounted) return -ENOENT;
  const inode = new Inode();
  let r = i64(lookup(0, 0, cwdInode(currentProcess()), true, inode)); // the empty path: the directory itself
  if (r == 0) r = statInode(inode, buf);
  free(inode);
  return r;
}
