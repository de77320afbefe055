// Mounting ext2: finds the volume (the first Linux partition of an MBR,
// else the whole disk), reads the superblock and checks everything the
// rest of the code relies on: the magic, revision 1, a block size of 1, 2
// or 4 KiB, counts and per-group numbers that agree with each other, an
// inode size the block holds, and the feature flags. An incompatible
// feature we do not implement (compression, journal recovery, extents,
// 64-bit, metadata checksums, inline data, ...) refuses the mount with a
// message naming it; a read-only-compatible feature we do not implement
// mounts the volume read-only (writes are -EROFS). docs/storage.md, "ext2".
import { consoleWrite, consoleWriteHex, consoleWriteUint } from '../../console/console';
import { cacheData, cacheRead, cacheRelease } from '../../block/cache';
import { foundPartition, mbrFind, MBR_DAMAGED, MBR_NONE } from '../../block/mbr';
import { blkDisk } from '../../drivers/virtio/blk';
import { volume } from './volume';

const MAGIC: u16 = 0xef53;
/** The incompatible feature the code understands: directory entries carry a file type. */
export const INCOMPAT_FILETYPE: u32 = 0x2;
/** Read-only-compatible features the reader handles: sparse superblocks, files over 2 GiB. */
const RO_COMPAT_SPARSE_SUPER: u32 = 0x1;
const RO_COMPAT_LARGE_FILE: u32 = 0x2;

function refuse(why: string, value: u64): bool {
  consoleWrite('ext2: not mounted: ');
  consoleWrite(why);
  consoleWrite(' (');
  consoleWriteHex(value);
  consoleWrite(')\n');
  return false;
}

/** Checks the superblock at `sb` and fills `volume`; false (with a message) if the volume cannot be read. */
function check(sb: usize, sectors: u64): bool {
  const v = volume;
  if (load<u16>(sb + 56) != MAGIC) return refuse('no ext2 superblock: bad magic', u64(load<u16>(sb + 56)));
  if (load<u32>(sb + 76) != 1) return refuse('only revision 1 is supported, revision is', u64(load<u32>(sb + 76)));
  const log = load<u32>(sb + 24);
  if (log > 2) return refuse('block size out of range, log is', u64(log));
  v.blockSize = u32(1024) << log;
  v.inodesCount = load<u32>(sb + 0);
  v.blocksCount = u64(load<u32>(sb + 4));
  v.reservedBlocks = u64(load<u32>(sb + 8));
  v.firstDataBlock = load<u32>(sb + 20);
  v.blocksPerGroup = load<u32>(sb + 32);
  v.inodesPerGroup = load<u32>(sb + 40);
  v.inodeSize = u32(load<u16>(sb + 88));
  v.featureCompat = load<u32>(sb + 92);
  v.featureIncompat = load<u32>(sb + 96);
  v.featureRoCompat = load<u32>(sb + 100);
  if (v.blocksCount * u64(v.blockSize / 512) > sectors) return refuse('more blocks than the disk holds', v.blocksCount);
  if (v.firstDataBlock != (v.blockSize == 1024 ? 1 : 0)) return refuse('first data block inconsistent with the block size', u64(v.firstDataBlock));
  if (v.blocksPerGroup == 0 || v.blocksPerGroup > v.blockSize * 8) return refuse('blocks per group out of range', u64(v.blocksPerGroup));
  if (v.inodesPerGroup == 0 || v.inodesPerGroup > v.blockSize * 8) return refuse('inodes per group out of range', u64(v.inodesPerGroup));
  if (v.inodeSize < 128 || v.inodeSize > v.blockSize || (v.inodeSize & (v.inodeSize - 1)) != 0) return refuse('inode size out of range', u64(v.inodeSize));
  v.groups = u32((v.blocksCount - u64(v.firstDataBlock) + u64(v.blocksPerGroup) - 1) / u64(v.blocksPerGroup));
  if (v.groups == 0 || u64(v.groups) * u64(v.inodesPerGroup) < u64(v.inodesCount) || v.inodesCount < 11) return refuse('inode count inconsistent with the groups', u64(v.inodesCount));
  if (u64(v.groups) * 32 > u64(v.blockSize) * 64) return refuse('too many groups', u64(v.groups));
  const unknownIncompat = v.featureIncompat & ~INCOMPAT_FILETYPE;
  if (unknownIncompat != 0) return refuse(incompatName(unknownIncompat), u64(unknownIncompat));
  const unknownRo = v.featureRoCompat & ~(RO_COMPAT_SPARSE_SUPER | RO_COMPAT_LARGE_FILE);
  if (unknownRo != 0) {
    consoleWrite('ext2: read-only-compatible features not implemented (');
    consoleWriteHex(u64(unknownRo));
    consoleWrite('): mounted read-only\n');
  }
  v.writable = unknownRo == 0;
  v.firstIno = load<u32>(sb + 84);
  if (v.firstIno < 11 || v.firstIno > v.inodesCount) return refuse('first inode out of range', u64(v.firstIno));
  v.sbBlock = v.blockSize == 1024 ? 1 : 0;
  v.sbOffset = v.blockSize == 1024 ? 0 : 1024;
  v.largeFiles = (v.featureRoCompat & RO_COMPAT_LARGE_FILE) != 0;
  v.gdtBlock = u64(v.firstDataBlock) + 1;
  return true;
}

/** What an incompatible feature bit means, for the refusal message. */
function incompatName(bits: u32): string {
  if ((bits & 0x1) != 0) return 'compression is not supported';
  if ((bits & 0x4) != 0) return 'the journal needs recovery (an ext3/ext4 volume not cleanly unmounted)';
  if ((bits & 0x8) != 0) return 'a journal device is not a filesystem';
  if ((bits & 0x40) != 0) return 'extents (ext4) are not supported';
  if ((bits & 0x80) != 0) return '64-bit block numbers (ext4) are not supported';
  if ((bits & 0x200) != 0) return 'flexible block groups (ext4) are not supported';
  return 'an incompatible feature is not supported';
}

/** Mounts the ext2 volume on disk `d` as `/` (read-only when `readOnly`); false (with a message saying why) if it cannot. */
export function ext2Mount(d: i32, readOnly: bool): bool {
  const disk = blkDisk(d);
  if (disk === null) return false;
  const found = mbrFind(d);
  if (found == MBR_DAMAGED) return false;
  const start = found == MBR_NONE ? 0 : foundPartition.start;
  const sectors = found == MBR_NONE ? disk.capacity : foundPartition.sectors;
  return ext2MountRange(d, start, sectors, readOnly);
}

/**
 * Mounts the ext2 volume in sectors `start`..`start + sectors` of disk `d`
 * as `/` (read-only when `readOnly`); false (with a message saying why) if
 * it cannot, and then nothing is mounted. The caller checked the range
 * against the disk.
 */
export function ext2MountRange(d: i32, start: u64, sectors: u64, readOnly: bool): bool {
  volume.mounted = false;
  // The superblock: 1024 bytes at byte 1024 of the volume, read as a 1 KiB block.
  if (start % 2 != 0) return refuse('the partition does not start on a 1 KiB boundary', start);
  if (sectors < 4) return refuse('the volume is too small', sectors);
  const sbBlock = cacheRead(d, start / 2 + 1, 1024);
  if (sbBlock < 0) return refuse('the superblock cannot be read', u64(-i64(sbBlock)));
  const ok = check(cacheData(sbBlock), sectors);
  cacheRelease(sbBlock);
  if (!ok) return false;
  const perBlock = u64(volume.blockSize / 512);
  if (start % perBlock != 0) return refuse('the partition does not start on a block boundary', start);
  if (readOnly) volume.writable = false;
  volume.disk = d;
  volume.base = start / perBlock;
  volume.mounted = true;
  consoleWrite('ext2: mounted disk ');
  consoleWriteUint(u64(d));
  consoleWrite(' as /: ');
  consoleWriteUint(volume.blocksCount);
  consoleWrite(' blocks of ');
  consoleWriteUint(u64(volume.blockSize));
  consoleWrite(' bytes, ');
  consoleWriteUint(u64(volume.inodesCount));
  consoleWrite(volume.writable ? ' inodes, read-write\n' : ' inodes, read-only\n');
  return true;
}
