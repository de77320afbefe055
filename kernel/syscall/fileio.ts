// The calls on files of the ext2 volume beyond read and write: pread64
// and pwrite64 (at an offset, the position untouched), truncate and
// ftruncate, statfs and fstatfs. Linux's checks and errors: an fd must be
// open for reading (pread64) or writing (pwrite64: -EBADF; ftruncate:
// -EINVAL), a pipe or device cannot be read at an offset (-ESPIPE), a
// negative offset or length is -EINVAL. docs/storage.md, "Writing".
import { Ext2File } from '../fs/ext2/file';
import { iadopt, iput } from '../fs/ext2/icache';
import { Inode, S_IFDIR, S_IFMT, S_IFREG } from '../fs/ext2/inode';
import { fsLock, fsUnlock } from '../fs/ext2/lock';
import { freeCounts } from '../fs/ext2/groups';
import { ext2Truncate } from '../fs/ext2/truncate';
import { volume } from '../fs/ext2/volume';
import { maxFileSize } from '../fs/ext2/write';
import { NAME_MAX } from '../fs/ext2/path';
import { fdAccess } from '../fs/fdtable';
import { copyToUser } from '../mm/usercopy';
import { currentProcess } from '../proc/sched';
import { deviceFor, deviceOf, transferLength } from './files';
import { resolve, takePath } from './fs';
import { AT_FDCWD, EBADF, EFBIG, EINVAL, EISDIR, ENOENT, EROFS, ESPIPE, O_RDONLY } from './numbers';

/** statfs's f_type for ext2 (EXT2_SUPER_MAGIC). */
const EXT2_SUPER_MAGIC: u64 = 0xef53;
/** Bytes of a Linux x86-64 `struct statfs`. */
export const STATFS_SIZE: u64 = 120;
const ST_RDONLY: u64 = 1;
const statfsBuf = new Uint64Array(15);
const counts = new Uint64Array(2);

/** pread64(fd, buf, count, offset) and pwrite64: the bytes moved. */
export function sysPreadPwrite(fd: i64, buf: u64, len: u64, off: i64, writing: bool): i64 {
  const d = deviceFor(fd, !writing);
  if (d === null) return -EBADF;
  if (!(d instanceof Ext2File)) return -ESPIPE;
  if (off < 0) return -EINVAL;
  const n = transferLength(buf, len, !writing);
  if (n < 0) return n;
  return writing ? d.writeAt(u64(off), buf, u64(n)) : d.readAt(u64(off), buf, u64(n));
}

/** Truncates held inode `inode` to `len`: 0 or -errno. */
function truncateTo(inode: Inode, len: i64): i64 {
  if (len < 0) return -EINVAL;
  if ((inode.mode & S_IFMT) == S_IFDIR) return -EISDIR;
  if ((inode.mode & S_IFMT) != S_IFREG) return -EINVAL;
  if (!volume.writable) return -EROFS;
  if (u64(len) > maxFileSize()) return -EFBIG;
  return i64(ext2Truncate(inode, u64(len)));
}

export function sysFtruncate(fd: i64, len: i64): i64 {
  const d = deviceOf(fd);
  if (d === null) return -EBADF;
  if (!(d instanceof Ext2File) || fdAccess(currentProcess(), i32(fd)) == u8(O_RDONLY)) return -EINVAL;
  fsLock();
  const r = truncateTo(d.inode, len);
  fsUnlock();
  return r;
}

export function sysTruncate(user: u64, len: i64): i64 {
  const path = takePath(user);
  let r = path.length;
  if (r >= 0) {
    fsLock();
    const found = new Inode();
    r = resolve(AT_FDCWD, path, true, found);
    if (r < 0) free(found);
    else {
      const inode = iadopt(found);
      r = truncateTo(inode, len);
      iput(inode);
    }
    fsUnlock();
  }
  free(path);
  return r;
}

/** Fills a struct statfs for the volume and copies it to `buf`. */
function statfsVolume(buf: u64): i64 {
  if (!volume.mounted) return -ENOENT;
  const r = freeCounts(counts);
  if (r < 0) return i64(r);
  const s = statfsBuf;
  for (let i: i32 = 0; i < 15; i++) s[i] = 0;
  s[0] = EXT2_SUPER_MAGIC;
  s[1] = u64(volume.blockSize);
  s[2] = volume.blocksCount;
  s[3] = counts[0];
  s[4] = counts[0] > volume.reservedBlocks ? counts[0] - volume.reservedBlocks : 0;
  s[5] = u64(volume.inodesCount);
  s[6] = counts[1];
  s[7] = u64(volume.disk);
  s[8] = u64(NAME_MAX);
  s[9] = u64(volume.blockSize);
  s[10] = volume.writable ? 0 : ST_RDONLY;
  return copyToUser(buf, changetype<usize>(s) + 8, STATFS_SIZE);
}

export function sysStatfs(user: u64, buf: u64): i64 {
  const path = takePath(user);
  let r = path.length;
  if (r >= 0) {
    const found = new Inode();
    r = resolve(AT_FDCWD, path, true, found);
    free(found);
    if (r == 0) r = statfsVolume(buf);
  }
  free(path);
  return r;
}

export function sysFstatfs(fd: i64, buf: u64): i64 {
  const d = deviceOf(fd);
  if (d === null) return -EBADF;
  if (!(d instanceof Ext2File)) return -EINVAL;
  return statfsVolume(buf);
}
