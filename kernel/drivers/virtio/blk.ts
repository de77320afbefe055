// virtio-blk (virtio 1.x, 5.2): read, write and flush of a disk's 512-byte
// sectors, several requests in flight. Each request is a chain of three
// descriptors: the 16-byte header (type, sector), the data, and a status
// byte the device writes; headers and status bytes live in one DMA frame
// per disk, a slot per request. The submitter sleeps on its slot's wait
// queue until the queue interrupt marks the slot done. A device error, a
// status byte other than OK, or a used length too short to hold the
// status becomes -EIO; a request past the end of the disk is -EIO before
// it reaches the device. docs/storage.md, "virtio-blk".
import { consoleWrite, consoleWriteUint } from '../../console/console';
import { allocZeroedFrame } from '../../mm/frames';
import { physToVirt } from '../../mm/phys';
import { WaitQueue } from '../../proc/process';
import { waitForDevice } from '../../proc/iowait';
import { wakeAll } from '../../proc/waitqueue';
import { EAGAIN, EINVAL, EIO } from '../../syscall/numbers';
import { PciDevice } from '../pci/device';
import { virtioConfigRead, VirtioDevice, virtioFail, virtioInit, virtioQueue, virtioReady } from './device';
import { Virtqueue } from './queue';

/** Request types (5.2.6). */
export const BLK_T_IN: u32 = 0;
export const BLK_T_OUT: u32 = 1;
export const BLK_T_FLUSH: u32 = 4;
const S_OK: u8 = 0;
/** Features the driver implements: read-only disks and the flush command. */
const F_RO: u64 = u64(1) << 5;
const F_FLUSH: u64 = u64(1) << 9;
export const SECTOR_BYTES: u64 = 512;
/** Requests one disk has in flight at most (three descriptors each). */
export const BLK_MAX_REQUESTS: i32 = 32;
/** The largest data buffer of one request. */
export const BLK_MAX_BYTES: u64 = 0x10_0000;
const SLOT_BYTES: usize = 32; // header 16, status 1, padding
export const BLK_MAX_DISKS: i32 = 4;

export class BlkDisk {
  constructor(readonly dev: VirtioDevice, readonly queue: Virtqueue, readonly slotsPhys: u64) {}
  /** Size in 512-byte sectors. */
  capacity: u64 = 0;
  readonly busy = new Uint8Array(32);
  readonly done = new Uint8Array(32);
  readonly result = new Uint8Array(32);
  /** The descriptor head of each busy slot. */
  readonly heads = new Uint16Array(32);
  readonly waits = new Array<WaitQueue | null>(32);
  /** Waiters for a free slot. */
  readonly slotWait = new WaitQueue();
  inFlight: i32 = 0;
  /** The most requests ever in flight at once. */
  maxInFlight: i32 = 0;
  errors: u64 = 0;
}

const disks = new Array<BlkDisk | null>(4);
let diskCount: i32 = 0;

/** The disks found, in PCI order. */
export function blkDiskCount(): i32 {
  return diskCount;
}

export function blkDisk(i: i32): BlkDisk | null {
  return i >= 0 && i < diskCount ? disks[i] : null;
}

/** The queue interrupt: marks each completed request's slot done and wakes its waiter. */
function blkOnQueue(dev: VirtioDevice): void {
  const disk = disks[i32(dev.driverData)]!;
  while (true) {
    const head = disk.queue.popUsed();
    if (head < 0) break;
    let slot: i32 = -1;
    for (let s: i32 = 0; s < BLK_MAX_REQUESTS; s++) if (disk.busy[s] != 0 && disk.done[s] == 0 && i32(disk.heads[s]) == head) slot = s;
    if (slot < 0) continue; // popUsed checked it was in flight; no slot means a bug, not a device fault
    const status = load<u8>(physToVirt(disk.slotsPhys) + usize(slot) * SLOT_BYTES + 16);
    disk.result[slot] = disk.queue.usedLength >= 1 && status == S_OK ? 0 : 1;
    disk.done[slot] = 1;
    disk.inFlight--;
    wakeAll(disk.waits[slot]!);
  }
}

/** Probes a virtio block device (PCI ids 1af4:1001 transitional, 1af4:1042 modern). */
export function virtioBlkProbe(pci: PciDevice): bool {
  if (diskCount == BLK_MAX_DISKS) return false;
  const dev = virtioInit(pci, F_RO | F_FLUSH);
  if (dev === null) return false;
  const q = virtioQueue(dev, 0, u32(BLK_MAX_REQUESTS) * 4);
  const slots = q === null || q.size < 3 ? 0 : allocZeroedFrame();
  if (slots == 0) {
    virtioFail(dev, 'virtio-blk: no request queue (or out of memory)');
    return false;
  }
  const disk = new BlkDisk(dev, q!, slots);
  for (let s: i32 = 0; s < BLK_MAX_REQUESTS; s++) disk.waits[s] = new WaitQueue();
  disk.capacity = virtioConfigRead(dev, 0, 8);
  dev.driverData = u64(diskCount);
  disks[diskCount] = disk;
  if (!virtioReady(dev, 'virtio-blk', blkOnQueue)) return false;
  diskCount++;
  consoleWrite('virtio-blk: disk ');
  consoleWriteUint(u64(diskCount - 1));
  consoleWrite(', ');
  consoleWriteUint(disk.capacity);
  consoleWrite(' sectors\n');
  return true;
}

/**
 * Starts a request of `type` at `sector` with `bytes` of data at physical
 * address `phys` (none for a flush); its slot, or -errno: -EIO past the
 * end of the disk, -EINVAL for a size that is not whole sectors or too
 * large, -EAGAIN when every slot or descriptor is taken. Interrupts off.
 */
export function blkSubmit(disk: BlkDisk, type: u32, sector: u64, phys: u64, bytes: u64): i32 {
  if (type != BLK_T_FLUSH) {
    if (bytes == 0 || bytes % SECTOR_BYTES != 0 || bytes > BLK_MAX_BYTES) return i32(-EINVAL);
    const count = bytes / SECTOR_BYTES;
    if (sector >= disk.capacity || count > disk.capacity - sector) return i32(-EIO);
  }
  let slot: i32 = -1;
  for (let s: i32 = 0; s < BLK_MAX_REQUESTS && slot < 0; s++) if (disk.busy[s] == 0) slot = s;
  if (slot < 0) return i32(-EAGAIN);
  const n: u16 = type == BLK_T_FLUSH ? 2 : 3;
  const head = disk.queue.take(n);
  if (head < 0) return i32(-EAGAIN);
  const hdrPhys = disk.slotsPhys + u64(slot) * u64(SLOT_BYTES);
  const hdr = physToVirt(hdrPhys);
  store<u32>(hdr, type);
  store<u32>(hdr + 4, 0);
  store<u64>(hdr + 8, type == BLK_T_FLUSH ? 0 : sector);
  store<u8>(hdr + 16, 0xff); // not OK until the device says so
  disk.queue.fill(u16(head), 0, hdrPhys, 16, false);
  if (type != BLK_T_FLUSH) disk.queue.fill(u16(head), 1, phys, u32(bytes), type == BLK_T_IN);
  disk.queue.fill(u16(head), n - 1, hdrPhys + 16, 1, true);
  disk.busy[slot] = 1;
  disk.done[slot] = 0;
  disk.heads[slot] = u16(head);
  disk.inFlight++;
  if (disk.inFlight > disk.maxInFlight) disk.maxInFlight = disk.inFlight;
  disk.queue.submit(u16(head));
  return slot;
}

/** Waits for the request in `slot` (from blkSubmit) and frees the slot: 0, or -EIO. Interrupts off. */
export function blkWait(disk: BlkDisk, slot: i32): i64 {
  if (slot < 0) return i64(slot);
  while (disk.done[slot] == 0) waitForDevice(disk.waits[slot]!);
  disk.busy[slot] = 0;
  wakeAll(disk.slotWait);
  if (disk.result[slot] == 0) return 0;
  disk.errors++;
  return -EIO;
}

/** One request, waiting for a free slot if all are taken: 0 or -errno. Interrupts off. */
export function blkTransfer(disk: BlkDisk, type: u32, sector: u64, phys: u64, bytes: u64): i64 {
  while (true) {
    const slot = blkSubmit(disk, type, sector, phys, bytes);
    if (slot != i32(-EAGAIN)) return blkWait(disk, slot);
    waitForDevice(disk.slotWait);
  }
}

/** Reads `bytes` (whole sectors) from `sector` into physical memory at `phys`: 0 or -errno. */
export function blkRead(disk: BlkDisk, sector: u64, phys: u64, bytes: u64): i64 {
  return blkTransfer(disk, BLK_T_IN, sector, phys, bytes);
}

export function blkWrite(disk: BlkDisk, sector: u64, phys: u64, bytes: u64): i64 {
  return blkTransfer(disk, BLK_T_OUT, sector, phys, bytes);
}

/** Makes every completed write durable (the device's write cache flushed). */
export function blkFlush(disk: BlkDisk): i64 {
  if ((disk.dev.features & F_FLUSH) == 0) return 0; // no flush command: the device has no write cache to flush
  return blkTransfer(disk, BLK_T_FLUSH, 0, 0, 0);
}
