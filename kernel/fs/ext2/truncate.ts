// Cutting a file to a size: the blocks past the new end are freed
// (direct ones, then through the indirect trees, each indirect block freed
// once nothing under it is left), the inode's sectors follow, and the
// rest of the new last block is zeroed so a later extension reads zeros.
// A fast symbolic link keeps its target in i_block and has no blocks.
// docs/storage.md, "Writing".
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { programForgetInode } from '../../proc/programs';
import { wallSeconds } from '../../syscall/time';
import { freeBlock } from './alloc';
import { blockMap, Inode, isFastLink, writeInode } from './inode';
import { readBlock, volume } from './volume';

let freed: u64 = 0;

/**
 * Frees what indirect block `ptr` (its entries `level` levels above the
 * data, the first covering logical block `start`) holds at or past
 * logical block `keep`: 1 if `ptr` itself was freed, 0 if not, -errno.
 */
function trim(ptr: u64, level: i32, start: u64, keep: u64): i32 {
  const per = u64(volume.blockSize / 4);
  let childSpan: u64 = 1;
  for (let i: i32 = 1; i < level; i++) childSpan *= per;
  const b = readBlock(ptr);
  if (b < 0) return b;
  const p = cacheData(b);
  let left = false;
  let err: i32 = 0;
  for (let j: u64 = 0; j < per; j++) {
    const e = u64(load<u32>(p + usize(j) * 4));
    if (e == 0) continue;
    const childStart = start + j * childSpan;
    if (childStart + childSpan <= keep) {
      left = true;
      continue;
    }
    let r: i32 = 0;
    if (level == 1) {
      r = freeBlock(e);
      if (r == 0) freed++;
    } else r = trim(e, level - 1, childStart, keep);
    if (r < 0 || (level > 1 && r == 0)) {
      if (r < 0) err = r;
      left = true;
      continue;
    }
    store<u32>(p + usize(j) * 4, 0);
    cacheMarkDirty(b);
  }
  cacheRelease(b);
  if (left) return err;
  const r = freeBlock(ptr);
  if (r < 0) return r;
  freed++;
  return 1;
}

/** Frees every block of `inode` from logical block `keep` on and updates its sectors (not written back): 0 or -errno (what could be freed is). */
export function freeBlocksFrom(inode: Inode, keep: u64): i32 {
  if (isFastLink(inode)) return 0; // i_block is the target
  freed = 0;
  let err: i32 = 0;
  for (let i: u64 = keep; i < 12; i++) {
    const e = u64(inode.block[i32(i)]);
    if (e == 0) continue;
    const r = freeBlock(e);
    if (r < 0) err = r;
    else {
      freed++;
      inode.block[i32(i)] = 0;
    }
  }
  const per = u64(volume.blockSize / 4);
  let start: u64 = 12;
  let span = per;
  for (let level: i32 = 1; level <= 3; level++) {
    const slot = 11 + level;
    const top = u64(inode.block[slot]);
    if (top != 0 && keep < start + span) {
      const r = trim(top, level, start, keep);
      if (r < 0) err = r;
      else if (r == 1) inode.block[slot] = 0;
    }
    start += span;
    span *= per;
  }
  const sectors = freed * u64(volume.blockSize / 512);
  inode.sectors = inode.sectors > sectors ? inode.sectors - sectors : 0;
  return err;
}

/** Sets the size of regular file `inode` to `size`, freeing blocks past it, and writes the inode: 0 or -errno. */
export function ext2Truncate(inode: Inode, size: u64): i32 {
  const bs = u64(volume.blockSize);
  if (size < inode.size) {
    const within = size % bs;
    if (within != 0) {
      const pb = blockMap(inode, size / bs);
      if (pb > 0) {
        const b = readBlock(u64(pb));
        if (b >= 0) {
          memset(cacheData(b) + usize(within), 0, usize(bs - within));
          cacheMarkDirty(b);
          cacheRelease(b);
        }
      }
    }
    const r = freeBlocksFrom(inode, (size + bs - 1) / bs);
    inode.size = size;
    const now = u32(wallSeconds());
    inode.mtime = now;
    programForgetInode(inode.ino); // a cached program read from it is stale (kernel/proc/programs.ts)
    inode.ctime = now;
    const w = writeInode(inode, false);
    return r < 0 ? r : w;
  }
  if (size > inode.size) {
    inode.size = size;
    const now = u32(wallSeconds());
    inode.mtime = now;
    programForgetInode(inode.ino); // a cached program read from it is stale (kernel/proc/programs.ts)
    inode.ctime = now;
    return writeInode(inode, false);
  }
  return 0;
}
