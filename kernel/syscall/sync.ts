// sync, fsync and fdatasync: the calls that make written data durable.
// Writes land in the buffer cache (kernel/block/cache.ts) and reach the
// disk later (write-back); sync writes every dirty buffer and flushes
// every disk's write cache. fsync and fdatasync do the same for the file
// behind an fd; an fd that is not a file on a disk (the console, a pipe,
// /dev/null) cannot be synced: -EINVAL, as Linux says for them.
// docs/storage.md, "Buffer cache".
import { cacheSync } from '../block/cache';
import { deviceOf } from './files';
import { EBADF, EINVAL } from './numbers';

export function sysSync(): i64 {
  cacheSync(-1); // sync reports nothing, as on Linux: a failed write-back is counted and printed by the cache
  return 0;
}

/** fsync(fd) and fdatasync(fd): no file on a disk is open yet, so a valid fd is -EINVAL. */
export function sysFsync(fd: i64): i64 {
  if (deviceOf(fd) === null) return -EBADF;
  return -EINVAL;
}
