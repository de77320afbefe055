// Reading an ext2 file's bytes: block by block through blockMap and the
// buffer cache, holes as zeros, never past i_size. The bytes go to user
// memory (copyToUser: a bad buffer is -EFAULT) or to a kernel buffer.
// docs/storage.md, "ext2".
import { cacheData, cacheRelease } from '../../block/cache';
import { copyToUser, clearUser } from '../../mm/usercopy';
import { blockMap, Inode } from './inode';
import { readBlock, volume } from './volume';

/**
 * Copies up to `len` bytes of `inode` from offset `off` to `dst` (a user
 * address if `user`, else a kernel one); the bytes copied (0 at or past
 * the end), or -errno if nothing was.
 */
export function ext2Read(inode: Inode, off: u64, dst: u64, len: u64, user: bool): i64 {
  if (off >= inode.size) return 0;
  const total = len < inode.size - off ? len : inode.size - off;
  const bs = u64(volume.blockSize);
  let done: u64 = 0;
  while (done < total) {
    const at = off + done;
    const within = at % bs;
    const n = total - done < bs - within ? total - done : bs - within;
    const pb = blockMap(inode, at / bs);
    let r: i64 = 0;
    if (pb < 0) r = pb;
    else if (pb == 0) { // a hole
      if (user) r = clearUser(dst + done, n);
      else memset(usize(dst + done), 0, usize(n));
    } else {
      const b = readBlock(u64(pb));
      if (b < 0) r = i64(b);
      else {
        const src = cacheData(b) + usize(within);
        if (user) r = copyToUser(dst + done, src, n);
        else memcpy(usize(dst + done), src, usize(n));
        cacheRelease(b);
      }
    }
    if (r < 0) return done > 0 ? i64(done) : r;
    done += n;
  }
  return i64(done);
}
