// Writing an ext2 file's bytes: block by block, each logical block given
// a volume block first if it was a hole (bmap.ts), the bytes copied into
// the cached block (from user memory: a bad buffer is -EFAULT) and the
// block marked dirty; the size grows to the end of what was written and
// the inode is written back. A file is at most what triple indirection
// reaches, and under 2 GiB on a volume without large files (-EFBIG past
// that). docs/storage.md, "Writing".
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { copyFromUser } from '../../mm/usercopy';
import { EFBIG } from '../../syscall/numbers';
import { programForgetInode } from '../../proc/programs';
import { wallSeconds } from '../../syscall/time';
import { blockMapAlloc } from './bmap';
import { Inode, writeInode } from './inode';
import { readBlock, volume } from './volume';

/** The largest size a regular file may have on this volume. */
export function maxFileSize(): u64 {
  const per = u64(volume.blockSize / 4);
  const blocks = 12 + per + per * per + per * per * per;
  const mapped = blocks * u64(volume.blockSize);
  const limit: u64 = volume.largeFiles ? 0xffff_ffff_ffff : 0x7fff_ffff;
  return mapped < limit ? mapped : limit;
}

/**
 * Copies `len` bytes from `src` (a user address if `user`) into `inode`
 * at offset `off`: the bytes written (fewer when the volume fills up), or
 * -errno if none were (-ENOSPC, -EFBIG, -EFAULT, -EIO).
 */
export function ext2Write(inode: Inode, off: u64, src: u64, len: u64, user: bool): i64 {
  const max = maxFileSize();
  if (len == 0) return 0;
  if (off >= max) return -EFBIG;
  const total = len < max - off ? len : max - off;
  const bs = u64(volume.blockSize);
  let done: u64 = 0;
  let err: i64 = 0;
  while (done < total) {
    const at = off + done;
    const within = at % bs;
    const n = total - done < bs - within ? total - done : bs - within;
    const pb = blockMapAlloc(inode, at / bs);
    if (pb < 0) {
      err = pb;
      break;
    }
    const b = readBlock(u64(pb));
    if (b < 0) {
      err = i64(b);
      break;
    }
    const dst = cacheData(b) + usize(within);
    let r: i64 = 0;
    if (user) r = copyFromUser(dst, src + done, n);
    else memcpy(dst, usize(src + done), usize(n));
    cacheMarkDirty(b);
    cacheRelease(b);
    if (r < 0) {
      err = r;
      break;
    }
    done += n;
    if (off + done > inode.size) inode.size = off + done;
  }
  const now = u32(wallSeconds());
  inode.mtime = now;
  programForgetInode(inode.ino); // a cached program read from it is stale (kernel/proc/programs.ts)
  inode.ctime = now;
  const w = writeInode(inode, false);
  if (done > 0) return i64(done);
  return err < 0 ? err : i64(w);
}
