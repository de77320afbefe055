// ext2 block groups: each group's descriptor (32 bytes in the table after
// the superblock: block bitmap, inode bitmap, inode table, free blocks,
// free inodes, directories) and the free counts, which allocation keeps
// exact in both the descriptor and the superblock. docs/storage.md, "ext2".
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { EUCLEAN } from '../../syscall/numbers';
import { readBlock, volume } from './volume';

/** A group descriptor's fields. */
export class Group {
  blockBitmap: u64 = 0;
  inodeBitmap: u64 = 0;
  freeBlocks: u32 = 0;
  freeInodes: u32 = 0;
  dirs: u32 = 0;
}

/** Reads group `g`'s descriptor into `out`, its bitmap pointers checked against the volume: 0 or -errno. */
export function readGroup(g: u32, out: Group): i32 {
  const v = volume;
  const off = u64(g) * 32;
  const b = readBlock(v.gdtBlock + off / u64(v.blockSize));
  if (b < 0) return b;
  const p = cacheData(b) + usize(off % u64(v.blockSize));
  out.blockBitmap = u64(load<u32>(p));
  out.inodeBitmap = u64(load<u32>(p + 4));
  out.freeBlocks = u32(load<u16>(p + 12));
  out.freeInodes = u32(load<u16>(p + 14));
  out.dirs = u32(load<u16>(p + 16));
  cacheRelease(b);
  const lo = u64(v.firstDataBlock);
  if (out.blockBitmap < lo || out.blockBitmap >= v.blocksCount || out.inodeBitmap < lo || out.inodeBitmap >= v.blocksCount) return i32(-EUCLEAN);
  return 0;
}

/** Adds `blocks`, `inodes` and `dirs` (each may be negative) to group `g`'s counts and the superblock's free counts: 0 or -errno. */
export function adjustCounts(g: u32, blocks: i32, inodes: i32, dirs: i32): i32 {
  const v = volume;
  const off = u64(g) * 32;
  const b = readBlock(v.gdtBlock + off / u64(v.blockSize));
  if (b < 0) return b;
  const p = cacheData(b) + usize(off % u64(v.blockSize));
  store<u16>(p + 12, u16(i32(load<u16>(p + 12)) + blocks));
  store<u16>(p + 14, u16(i32(load<u16>(p + 14)) + inodes));
  store<u16>(p + 16, u16(i32(load<u16>(p + 16)) + dirs));
  cacheMarkDirty(b);
  cacheRelease(b);
  const s = readBlock(v.sbBlock);
  if (s < 0) return s;
  const sb = cacheData(s) + usize(v.sbOffset);
  store<u32>(sb + 12, u32(i64(load<u32>(sb + 12)) + i64(blocks)));
  store<u32>(sb + 16, u32(i64(load<u32>(sb + 16)) + i64(inodes)));
  cacheMarkDirty(s);
  cacheRelease(s);
  return 0;
}

/** The superblock's free block and free inode counts into out[0] and out[1]: 0 or -errno. */
export function freeCounts(out: Uint64Array): i32 {
  const s = readBlock(volume.sbBlock);
  if (s < 0) return s;
  const sb = cacheData(s) + usize(volume.sbOffset);
  out[0] = u64(load<u32>(sb + 12));
  out[1] = u64(load<u32>(sb + 16));
  cacheRelease(s);
  return 0;
}
