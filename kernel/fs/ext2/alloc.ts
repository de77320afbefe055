// Allocating and freeing blocks and inodes through the groups' bitmaps.
// A group is searched only when its descriptor counts a free one, and
// every change of a bit changes the group's and the superblock's counts
// with it (groups.ts), so the counts stay exact. Freeing something whose
// bit is already clear, or a number outside the volume, is -EUCLEAN and
// changes nothing. docs/storage.md, "ext2".
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { ENOSPC, EUCLEAN } from '../../syscall/numbers';
import { adjustCounts, Group, readGroup } from './groups';
import { readBlock, volume } from './volume';

const group = new Group();

/** The first clear bit of the `limit` bits at `map` at or after `from`, set; its index, or -1. */
function takeBit(map: usize, from: u32, limit: u32): i64 {
  for (let i = from; i < limit; i++) {
    const byte = map + usize(i >> 3);
    const bit = u8(1) << u8(i & 7);
    if ((load<u8>(byte) & bit) == 0) {
      store<u8>(byte, load<u8>(byte) | bit);
      return i64(i);
    }
  }
  return -1;
}

/** Clears bit `i` of the bitmap block `mapBlock`: 0, -EUCLEAN if it was clear, or -errno. */
function clearBit(mapBlock: u64, i: u32): i32 {
  const b = readBlock(mapBlock);
  if (b < 0) return b;
  const byte = cacheData(b) + usize(i >> 3);
  const bit = u8(1) << u8(i & 7);
  const was = (load<u8>(byte) & bit) != 0;
  if (was) {
    store<u8>(byte, load<u8>(byte) & ~bit);
    cacheMarkDirty(b);
  }
  cacheRelease(b);
  return was ? 0 : i32(-EUCLEAN);
}

/** How many blocks group `g` has (the last group may be short). */
function blocksIn(g: u32): u32 {
  const start = u64(volume.firstDataBlock) + u64(g) * u64(volume.blocksPerGroup);
  const left = volume.blocksCount - start;
  return left < u64(volume.blocksPerGroup) ? u32(left) : volume.blocksPerGroup;
}

/** Allocates a block, searching from the group of block `goal`: its number (not yet zeroed), or -ENOSPC, -errno. */
export function allocBlock(goal: u64): i64 {
  const v = volume;
  let first: u32 = 0;
  if (goal >= u64(v.firstDataBlock) && goal < v.blocksCount) first = u32((goal - u64(v.firstDataBlock)) / u64(v.blocksPerGroup));
  for (let k: u32 = 0; k < v.groups; k++) {
    const g = (first + k) % v.groups;
    const r = readGroup(g, group);
    if (r < 0) return i64(r);
    if (group.freeBlocks == 0) continue;
    const b = readBlock(group.blockBitmap);
    if (b < 0) return i64(b);
    const bit = takeBit(cacheData(b), 0, blocksIn(g));
    if (bit >= 0) cacheMarkDirty(b);
    cacheRelease(b);
    if (bit < 0) continue; // the count said free, the bitmap disagrees: leave this group
    const a = adjustCounts(g, -1, 0, 0);
    if (a < 0) return i64(a);
    return i64(v.firstDataBlock) + i64(g) * i64(v.blocksPerGroup) + bit;
  }
  return -ENOSPC;
}

/** Frees block `blk`: 0 or -errno. */
export function freeBlock(blk: u64): i32 {
  const v = volume;
  if (blk < u64(v.firstDataBlock) || blk >= v.blocksCount) return i32(-EUCLEAN);
  const g = u32((blk - u64(v.firstDataBlock)) / u64(v.blocksPerGroup));
  const r = readGroup(g, group);
  if (r < 0) return r;
  const c = clearBit(group.blockBitmap, u32((blk - u64(v.firstDataBlock)) % u64(v.blocksPerGroup)));
  if (c < 0) return c;
  return adjustCounts(g, 1, 0, 0);
}

/** Allocates an inode (a directory's if `dir`), searching from group `goalGroup`: its number, or -ENOSPC, -errno. */
export function allocInode(dir: bool, goalGroup: u32): i64 {
  const v = volume;
  for (let k: u32 = 0; k < v.groups; k++) {
    const g = (goalGroup + k) % v.groups;
    const r = readGroup(g, group);
    if (r < 0) return i64(r);
    if (group.freeInodes == 0) continue;
    const base = u64(g) * u64(v.inodesPerGroup); // inode base + 1 is bit 0
    if (base >= u64(v.inodesCount)) continue;
    const left = u64(v.inodesCount) - base;
    const limit = left < u64(v.inodesPerGroup) ? u32(left) : v.inodesPerGroup;
    const from: u32 = base + 1 < u64(v.firstIno) ? u32(u64(v.firstIno) - 1 - base) : 0; // the reserved inodes
    const b = readBlock(group.inodeBitmap);
    if (b < 0) return i64(b);
    const bit = from < limit ? takeBit(cacheData(b), from, limit) : -1;
    if (bit >= 0) cacheMarkDirty(b);
    cacheRelease(b);
    if (bit < 0) continue;
    const a = adjustCounts(g, 0, -1, dir ? 1 : 0);
    if (a < 0) return i64(a);
    return i64(base) + bit + 1;
  }
  return -ENOSPC;
}

/** Frees inode `ino` (a directory's if `dir`): 0 or -errno. */
export function freeInode(ino: u32, dir: bool): i32 {
  const v = volume;
  if (ino < v.firstIno || ino > v.inodesCount) return i32(-EUCLEAN);
  const g = (ino - 1) / v.inodesPerGroup;
  const r = readGroup(g, group);
  if (r < 0) return r;
  const c = clearBit(group.inodeBitmap, (ino - 1) % v.inodesPerGroup);
  if (c < 0) return c;
  return adjustCounts(g, 0, 1, dir ? -1 : 0);
}

/** The group of inode `ino`, where its blocks and its new children's inodes are looked for first. */
export function groupOf(ino: u32): u32 {
  return ino == 0 ? 0 : (ino - 1) / volume.inodesPerGroup;
}

/** The first block of group `g`: a goal for allocBlock. */
export function groupStart(g: u32): u64 {
  return u64(volume.firstDataBlock) + u64(g) * u64(volume.blocksPerGroup);
}
