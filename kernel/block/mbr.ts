// The MBR partition table of a disk (sector 0: four 16-byte entries at byte
// 446, the signature 55 AA at 510), read through the buffer cache. Nothing
// in it is trusted: each used entry must have a known status byte, start
// past the MBR, hold at least one sector, end inside the disk and overlap
// no other entry, or it is skipped with a message. docs/storage.md, "The
// boot disk".
import { consoleWrite, consoleWriteHex, consoleWriteUint } from '../console/console';
import { blkDisk } from '../drivers/virtio/blk';
import { cacheData, cacheRead, cacheRelease } from './cache';

const MBR_SIGNATURE: u16 = 0xaa55;
const TABLE: usize = 446;
const ENTRIES: usize = 4;
const ENTRY_BYTES: usize = 16;
/** The partition type of a Linux filesystem. */
export const LINUX_PARTITION: u8 = 0x83;

/** What mbrFind found: a partition, no table (the whole disk is the volume), or a table with no usable Linux partition. */
export const MBR_FOUND: i32 = 1;
export const MBR_NONE: i32 = 0;
export const MBR_DAMAGED: i32 = -1;

/** A partition: its first sector and its length in sectors. */
export class Partition {
  start: u64 = 0;
  sectors: u64 = 0;
}

/** The partition mbrFind chose last. */
export const foundPartition = new Partition();

function skip(i: usize, why: string, value: u64): void {
  consoleWrite('mbr: partition ');
  consoleWriteUint(u64(i + 1));
  consoleWrite(' skipped: ');
  consoleWrite(why);
  consoleWrite(' (');
  consoleWriteHex(value);
  consoleWrite(')\n');
}

/** Whether entry `i` of the table at `t` is sound on a disk of `capacity` sectors (a message when not). */
function entrySound(t: usize, i: usize, capacity: u64): bool {
  const e = t + i * ENTRY_BYTES;
  const status = load<u8>(e);
  const start = u64(load<u32>(e + 8));
  const sectors = u64(load<u32>(e + 12));
  if (status != 0 && status != 0x80) { skip(i, 'bad status byte', u64(status)); return false; }
  if (start == 0) { skip(i, 'starts in the MBR', start); return false; }
  if (sectors == 0) { skip(i, 'is empty', sectors); return false; }
  if (start >= capacity || sectors > capacity - start) { skip(i, 'ends past the end of the disk at sector', start + sectors); return false; }
  for (let j: usize = 0; j < ENTRIES; j++) {
    const o = t + j * ENTRY_BYTES;
    if (j == i || load<u8>(o + 4) == 0) continue;
    const os = u64(load<u32>(o + 8));
    const on = u64(load<u32>(o + 12));
    if (start < os + on && os < start + sectors) { skip(i, 'overlaps partition', u64(j + 1)); return false; }
  }
  return true;
}

/**
 * Reads disk `d`'s MBR and fills `foundPartition` with its first sound Linux
 * partition: MBR_FOUND; MBR_NONE when sector 0 has no MBR signature (the
 * volume may fill the whole disk); MBR_DAMAGED (with a message) when the
 * table has no sound Linux partition or sector 0 cannot be read.
 */
export function mbrFind(d: i32): i32 {
  const out = foundPartition;
  const disk = blkDisk(d);
  if (disk === null) return MBR_DAMAGED;
  const b = cacheRead(d, 0, 512);
  if (b < 0) {
    consoleWrite('mbr: sector 0 cannot be read\n');
    return MBR_DAMAGED;
  }
  const p = cacheData(b);
  let r = MBR_NONE;
  if (load<u16>(p + 510) == MBR_SIGNATURE) {
    r = MBR_DAMAGED;
    for (let i: usize = 0; i < ENTRIES && r != MBR_FOUND; i++) {
      const e = p + TABLE + i * ENTRY_BYTES;
      if (load<u8>(e + 4) != LINUX_PARTITION || !entrySound(p + TABLE, i, disk.capacity)) continue;
      out.start = u64(load<u32>(e + 8));
      out.sectors = u64(load<u32>(e + 12));
      r = MBR_FOUND;
    }
    if (r != MBR_FOUND) consoleWrite('mbr: no usable Linux partition (type 0x83) in the table\n');
  }
  cacheRelease(b);
  return r;
}
