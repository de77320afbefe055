// sync, fsync and fdatasync: the calls that make written data durable.
// Writes land in the buffer cache (kernel/block/cache.ts) and reach the
// disk later (write-back); sync writes every dirty buffer and flushes
// every disk's write cache. fsync and fdatasync do the same for the disk
// of the file behind an fd (the ext2 volume; 0 or -EIO); an fd that is not
// a file on a disk (the console, a pipe, /dev/null) cannot be synced:
// -EINVAL, as Linux says for them.
// docs/storage.md, "Buffer cache".
import { cacheSync } from '../block/cache';
import { Ext2File } from '../fs/ext2/file';
import { volume } from '../fs/ext2/volume';
import { deviceOf } from './files';
import { EBADF, EINVAL } from './numbers';

export function sysSync(): i64 {
  cacheSync(-1); // sync reports nothing, as on Linux: a failed write-back is counted and printed by the cache
  return 0;
}

/** fsync(fd) and fdatasync(fd): the file's disk synced, or -EINVAL for an fd that is no file. */
export function sysFsync(fd: i64): i64 {
  const d = deviceOf(fd);
  if (d === null) return -EBADF;
  if (!(d instanceof Ext2File)) return -EINVAL;
  return cacheSync(volume.disk);
}
