// The mounted ext2 volume: where it is (disk, first block on the disk),
// its geometry from the superblock, whether it may be written, and block
// reads through the buffer cache with every block number range-checked.
// One volume: `/`.
// docs/storage.md, "ext2".
import { cacheData, cacheMarkDirty, cacheRead, cacheRelease } from '../../block/cache';
import { EUCLEAN } from '../../syscall/numbers';

export class Volume {
  mounted: bool = false;
  disk: i32 = 0;
  /** The volume's block 0 as a cache block number on the disk (its first sector / sectors per block). */
  base: u64 = 0;
  blockSize: u32 = 1024;
  blocksCount: u64 = 0;
  /** Blocks kept for the superuser (s_r_blocks_count): statfs leaves them out of f_bavail. */
  reservedBlocks: u64 = 0;
  inodesCount: u32 = 0;
  firstDataBlock: u32 = 0;
  blocksPerGroup: u32 = 0;
  inodesPerGroup: u32 = 0;
  inodeSize: u32 = 128;
  groups: u32 = 0;
  /** The block holding the first group descriptor. */
  gdtBlock: u64 = 0;
  /** The volume block holding the superblock, and the superblock's byte offset in it. */
  sbBlock: u64 = 0;
  sbOffset: u32 = 0;
  /** The first inode number files may use (s_first_ino). */
  firstIno: u32 = 11;
  /** False when a read-only-compatible feature we do not implement was found: writes are -EROFS. */
  writable: bool = false;
  featureCompat: u32 = 0;
  featureIncompat: u32 = 0;
  featureRoCompat: u32 = 0;
  largeFiles: bool = false;
}

export const volume = new Volume();

/**
 * The cache buffer holding volume block `b` (held: cacheRelease it), or
 * -errno: -EUCLEAN for a block number outside the volume (a corrupt
 * pointer), -EIO for a failed read.
 */
export function readBlock(b: u64): i32 {
  if (b >= volume.blocksCount || b < u64(volume.firstDataBlock)) return i32(-EUCLEAN);
  return cacheRead(volume.disk, volume.base + b, volume.blockSize);
}

/** Reads the little-endian u32 at byte `off` of volume block `b` into `out[0]`: 0 or -errno. */
export function readBlockU32(b: u64, off: u32, out: Uint32Array): i32 {
  const buf = readBlock(b);
  if (buf < 0) return buf;
  out[0] = load<u32>(cacheData(buf) + usize(off));
  cacheRelease(buf);
  return 0;
}

/** Volume block `b` read into the cache and zeroed there (a block just allocated): the held buffer, or -errno. */
export function zeroBlock(b: u64): i32 {
  const buf = readBlock(b);
  if (buf < 0) return buf;
  memset(cacheData(buf), 0, usize(volume.blockSize));
  cacheMarkDirty(buf);
  return buf;
}
