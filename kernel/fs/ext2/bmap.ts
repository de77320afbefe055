// Giving a file's logical block a volume block when it is written: the
// direct pointer, or the single, double or triple indirect path to it,
// each block on the way allocated (and zeroed) where the pointer is 0.
// A new block is counted in the inode's sectors; the caller writes the
// inode back. docs/storage.md, "Writing".
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { EFBIG, EUCLEAN } from '../../syscall/numbers';
import { allocBlock, groupOf, groupStart } from './alloc';
import { blockMap, Inode } from './inode';
import { readBlock, volume, zeroBlock } from './volume';

const path = new Uint64Array(3);

/** A new zeroed block near `goal`: its number, or -errno. */
function newBlock(inode: Inode, goal: u64): i64 {
  const b = allocBlock(goal);
  if (b < 0) return b;
  const z = zeroBlock(u64(b));
  if (z < 0) return i64(z);
  cacheRelease(z);
  inode.sectors += u64(volume.blockSize / 512);
  return b;
}

/** The volume block of logical block `n` of `inode`, allocated if it was a hole: > 0, or -errno (-ENOSPC). */
export function blockMapAlloc(inode: Inode, n: u64): i64 {
  const found = blockMap(inode, n);
  if (found != 0) return found;
  const goal = groupStart(groupOf(inode.ino));
  if (n < 12) {
    const b = newBlock(inode, goal);
    if (b > 0) inode.block[i32(n)] = u32(b);
    return b;
  }
  const per = u64(volume.blockSize / 4);
  let k = n - 12;
  let depth: i32 = 1;
  let span = per;
  while (k >= span) {
    k -= span;
    depth++;
    span *= per;
    if (depth > 3) return -EFBIG;
  }
  for (let level = depth - 1; level >= 0; level--) { // the index at each level, the top one first
    path[level] = k % per;
    k /= per;
  }
  const slot = 11 + depth;
  let ptr = u64(inode.block[slot]);
  if (ptr == 0) {
    const b = newBlock(inode, goal);
    if (b < 0) return b;
    ptr = u64(b);
    inode.block[slot] = u32(ptr);
  }
  for (let level: i32 = 0; level < depth; level++) {
    const buf = readBlock(ptr);
    if (buf < 0) return i64(buf);
    const at = cacheData(buf) + usize(path[level]) * 4;
    let next = u64(load<u32>(at));
    let r: i64 = 0;
    if (next == 0) {
      r = newBlock(inode, ptr);
      if (r > 0) {
        next = u64(r);
        store<u32>(at, u32(next));
        cacheMarkDirty(buf);
      }
    } else if (next >= volume.blocksCount || next < u64(volume.firstDataBlock)) r = -EUCLEAN;
    cacheRelease(buf);
    if (r < 0) return r;
    ptr = next;
  }
  return i64(ptr);
}
