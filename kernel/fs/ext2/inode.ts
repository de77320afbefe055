// ext2 inodes: reading and writing inode N in its group's inode table (the
// group descriptor's table pointer range-checked), and mapping a file's logical
// block to a volume block through the 12 direct pointers and the single,
// double and triple indirect blocks. A zero pointer is a hole (sparse
// file: reads as zeros); a pointer outside the volume is -EUCLEAN.
// docs/storage.md, "ext2".
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { EINVAL, EUCLEAN } from '../../syscall/numbers';
import { readBlock, readBlockU32, volume } from './volume';

export const ROOT_INODE: u32 = 2;
/** i_mode's file type bits. */
export const S_IFMT: u32 = 0xf000;
export const S_IFDIR: u32 = 0x4000;
export const S_IFREG: u32 = 0x8000;
export const S_IFLNK: u32 = 0xa000;
/** i_flags: the inode uses extents (ext4): not readable here. */
const EXTENTS_FL: u32 = 0x80000;

/** The fields of an inode the kernel uses. */
export class Inode {
  ino: u32 = 0;
  mode: u32 = 0;
  uid: u32 = 0;
  gid: u32 = 0;
  size: u64 = 0;
  links: u32 = 0;
  /** 512-byte sectors allocated. */
  sectors: u64 = 0;
  atime: u32 = 0;
  ctime: u32 = 0;
  mtime: u32 = 0;
  dtime: u32 = 0;
  flags: u32 = 0;
  /** i_file_acl: the block of extended attributes (0: none). */
  xattrBlock: u32 = 0;
  /** Open references (kernel/fs/ext2/icache.ts); 0 for a copy nobody shares. */
  refs: i32 = 0;
  /** The next inode of the open-inode list. */
  nextOpen: Inode | null = null;
  /** i_block: 12 direct pointers, then the single, double and triple indirect block. */
  readonly block = new Uint32Array(15);
}

const scratch = new Uint32Array(1);

/** Whether `inode` is a symbolic link whose target lives in i_block (no data block: its sectors, the attribute block's aside, are 0). */
export function isFastLink(inode: Inode): bool {
  if ((inode.mode & S_IFMT) != S_IFLNK) return false;
  const xattr: u64 = inode.xattrBlock != 0 ? u64(volume.blockSize / 512) : 0;
  return inode.sectors == xattr;
}

/** Where inodeBuffer found the record in its block. */
let inodeByte: usize = 0;

/** The held cache buffer of inode `ino`'s table block (its record at byte inodeByte), or -errno. */
function inodeBuffer(ino: u32): i32 {
  const v = volume;
  if (ino == 0 || ino > v.inodesCount) return i32(-EINVAL);
  const group = (ino - 1) / v.inodesPerGroup;
  const index = (ino - 1) % v.inodesPerGroup;
  const descOffset = u64(group) * 32;
  const r = readBlockU32(v.gdtBlock + descOffset / u64(v.blockSize), u32(descOffset % u64(v.blockSize)) + 8, scratch);
  if (r < 0) return r;
  const table = u64(scratch[0]);
  const byte = u64(index) * u64(v.inodeSize);
  const tableBlocks = (u64(v.inodesPerGroup) * u64(v.inodeSize) + u64(v.blockSize) - 1) / u64(v.blockSize);
  if (table < u64(v.firstDataBlock) || table + tableBlocks > v.blocksCount) return i32(-EUCLEAN);
  const b = readBlock(table + byte / u64(v.blockSize));
  if (b >= 0) inodeByte = usize(byte % u64(v.blockSize));
  return b;
}

/** Reads inode `ino` into `out`: 0, or -EINVAL for a number outside the volume, -EUCLEAN for a corrupt table pointer, -EIO. */
export function readInode(ino: u32, out: Inode): i32 {
  const b = inodeBuffer(ino);
  if (b < 0) return b;
  const p = cacheData(b) + inodeByte;
  out.ino = ino;
  out.mode = u32(load<u16>(p));
  out.uid = u32(load<u16>(p + 2));
  out.size = u64(load<u32>(p + 4));
  out.atime = load<u32>(p + 8);
  out.ctime = load<u32>(p + 12);
  out.mtime = load<u32>(p + 16);
  out.dtime = load<u32>(p + 20);
  out.gid = u32(load<u16>(p + 24));
  out.links = u32(load<u16>(p + 26));
  out.sectors = u64(load<u32>(p + 28));
  out.flags = load<u32>(p + 32);
  for (let i: i32 = 0; i < 15; i++) out.block[i] = load<u32>(p + 40 + usize(i) * 4);
  out.xattrBlock = load<u32>(p + 104);
  if ((out.mode & S_IFMT) == S_IFREG && volume.largeFiles) out.size |= u64(load<u32>(p + 108)) << 32;
  cacheRelease(b);
  if ((out.flags & EXTENTS_FL) != 0) return i32(-EUCLEAN); // an ext4 inode on a volume that says it has none
  return 0;
}

/**
 * Writes the fields of `inode` back into its record in the inode table
 * (through the cache: on disk at the next sync); `fresh` clears the
 * record first (a newly allocated inode). 0 or -errno.
 */
export function writeInode(inode: Inode, fresh: bool): i32 {
  const b = inodeBuffer(inode.ino);
  if (b < 0) return b;
  const p = cacheData(b) + inodeByte;
  if (fresh) {
    memset(p, 0, usize(volume.inodeSize));
    if (volume.inodeSize > 128) store<u16>(p + 128, 32); // i_extra_isize, as mke2fs sets it
  }
  store<u16>(p, u16(inode.mode));
  store<u16>(p + 2, u16(inode.uid));
  store<u32>(p + 4, u32(inode.size));
  store<u32>(p + 8, inode.atime);
  store<u32>(p + 12, inode.ctime);
  store<u32>(p + 16, inode.mtime);
  store<u32>(p + 20, inode.dtime);
  store<u16>(p + 24, u16(inode.gid));
  store<u16>(p + 26, u16(inode.links));
  store<u32>(p + 28, u32(inode.sectors));
  store<u32>(p + 32, inode.flags);
  for (let i: i32 = 0; i < 15; i++) store<u32>(p + 40 + usize(i) * 4, inode.block[i]);
  store<u32>(p + 104, inode.xattrBlock);
  if ((inode.mode & S_IFMT) == S_IFREG) store<u32>(p + 108, u32(inode.size >> 32));
  cacheMarkDirty(b);
  cacheRelease(b);
  return 0;
}

/** Follows pointer `index` of indirect block `table` (0: a hole) into scratch[0]. */
function indirect(table: u64, index: u64): i32 {
  if (table == 0) {
    scratch[0] = 0;
    return 0;
  }
  return readBlockU32(table, u32(index * 4), scratch);
}

/**
 * The volume block holding logical block `n` of `inode` (0 for a hole),
 * or -errno: -EUCLEAN for a pointer outside the volume, -EINVAL for a
 * block past what triple indirection reaches.
 */
export function blockMap(inode: Inode, n: u64): i64 {
  const per = u64(volume.blockSize / 4);
  let ptr: u64;
  let r: i32 = 0;
  if (n < 12) ptr = u64(inode.block[i32(n)]);
  else if (n - 12 < per) {
    r = indirect(u64(inode.block[12]), n - 12);
    ptr = u64(scratch[0]);
  } else if (n - 12 - per < per * per) {
    const k = n - 12 - per;
    r = indirect(u64(inode.block[13]), k / per);
    if (r == 0) r = indirect(u64(scratch[0]), k % per);
    ptr = u64(scratch[0]);
  } else if (n - 12 - per - per * per < per * per * per) {
    const k = n - 12 - per - per * per;
    r = indirect(u64(inode.block[14]), k / (per * per));
    if (r == 0) r = indirect(u64(scratch[0]), (k / per) % per);
    if (r == 0) r = indirect(u64(scratch[0]), k % per);
    ptr = u64(scratch[0]);
  } else return -EINVAL;
  if (r < 0) return i64(r);
  if (ptr != 0 && (ptr >= volume.blocksCount || ptr < u64(volume.firstDataBlock))) return -EUCLEAN;
  return i64(ptr);
}
