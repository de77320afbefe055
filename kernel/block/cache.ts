// The buffer cache: CACHE_BUFFERS blocks of disk data, each in a frame of
// its own, shared by everyone who reads the disk. A block is identified by
// (disk, block number, block size); a lookup that finds it is a hit, a
// miss takes the least recently used buffer nobody holds (writing it back
// first if it is dirty) and reads the block into it. While a buffer's I/O
// is in progress it is BUSY, and a second reader of the same block waits
// on the buffer's wait queue for that one I/O rather than starting
// another. Writes only mark a buffer dirty (write-back); cacheSync writes
// every dirty buffer and flushes the disks (sync, fsync, fdatasync).
// Callers run with interrupts off (system calls; the test build's
// commands turn them off). docs/storage.md, "Buffer cache".
import { consoleWrite, consoleWriteUint } from '../console/console';
import { blkDisk, blkDiskCount, blkFlush, blkRead, blkWrite, SECTOR_BYTES } from '../drivers/virtio/blk';
import { allocZeroedFrame } from '../mm/frames';
import { physToVirt } from '../mm/phys';
import { WaitQueue } from '../proc/process';
import { waitForDevice } from '../proc/iowait';
import { wakeAll } from '../proc/waitqueue';
import { EINVAL, EIO, ENOMEM } from '../syscall/numbers';

/** Buffers in the cache (each one frame). */
export const CACHE_BUFFERS: i32 = 128;
const VALID: u8 = 1;
const DIRTY: u8 = 2;
const BUSY: u8 = 4;
const NONE: i32 = -1;

const disk = new Int32Array(128);
const block = new Uint64Array(128);
const size = new Uint32Array(128);
const phys = new Uint64Array(128);
const flags = new Uint8Array(128);
const refs = new Int32Array(128);
const waits = new Array<WaitQueue | null>(128);
// The LRU list: `newer`/`older` links, most recently used at `mru`.
const newer = new Int32Array(128);
const older = new Int32Array(128);
let mru: i32 = NONE;
let lru: i32 = NONE;
let ready = false;
/** Waiters for a buffer nobody holds. */
const freeWait = new WaitQueue();

/** Counters: lookups that found their block, reads and writes the cache sent to disks, write-backs that failed. */
export class CacheStats {
  hits: u64 = 0;
  misses: u64 = 0;
  reads: u64 = 0;
  writes: u64 = 0;
  writeErrors: u64 = 0;
}
export const cacheStats = new CacheStats();

function init(): bool {
  for (let b: i32 = 0; b < CACHE_BUFFERS; b++) {
    const f = allocZeroedFrame();
    if (f == 0) return false;
    phys[b] = f;
    disk[b] = NONE;
    waits[b] = new WaitQueue();
    older[b] = b + 1 < CACHE_BUFFERS ? b + 1 : NONE;
    newer[b] = b - 1;
  }
  mru = 0;
  lru = CACHE_BUFFERS - 1;
  ready = true;
  return true;
}

function unlink(b: i32): void {
  if (newer[b] != NONE) older[newer[b]] = older[b];
  else mru = older[b];
  if (older[b] != NONE) newer[older[b]] = newer[b];
  else lru = newer[b];
}

/** Makes `b` the most recently used. */
function touch(b: i32): void {
  if (mru == b) return;
  unlink(b);
  newer[b] = NONE;
  older[b] = mru;
  if (mru != NONE) newer[mru] = b;
  mru = b;
  if (lru == NONE) lru = b;
}

function sector(b: i32): u64 {
  return block[b] * (u64(size[b]) / SECTOR_BYTES);
}

/** Writes dirty buffer `b` to its disk (BUSY meanwhile); 0 or -EIO. A failed write-back is reported and counted, and the buffer is clean (its data lost). */
function writeBack(b: i32): i64 {
  flags[b] |= BUSY;
  const r = blkWrite(blkDisk(disk[b])!, sector(b), phys[b], u64(size[b]));
  cacheStats.writes++;
  flags[b] &= ~(BUSY | DIRTY);
  wakeAll(waits[b]!);
  if (r < 0) {
    cacheStats.writeErrors++;
    consoleWrite('cache: write-back of block ');
    consoleWriteUint(block[b]);
    consoleWrite(' failed\n');
  }
  return r;
}

/** The buffer holding (d, blk, sz), or NONE. */
function find(d: i32, blk: u64, sz: u32): i32 {
  for (let b: i32 = 0; b < CACHE_BUFFERS; b++) if (disk[b] == d && block[b] == blk && size[b] == sz) return b;
  return NONE;
}

/** The least recently used buffer nobody holds, written back if dirty; waits while every buffer is held. */
function victim(): i32 {
  while (true) {
    for (let b = lru; b != NONE; b = newer[b]) {
      if (refs[b] != 0 || (flags[b] & BUSY) != 0) continue;
      if ((flags[b] & DIRTY) != 0) {
        refs[b]++; // held while it is written, so nobody else takes it
        writeBack(b);
        refs[b]--;
        if (refs[b] != 0 || (flags[b] & (BUSY | DIRTY)) != 0) break; // someone took it meanwhile: look again
      }
      return b;
    }
    waitForDevice(freeWait);
  }
}

/**
 * The buffer holding block `blk` (of `sz` bytes: 512 … 4096, a multiple
 * of 512) of disk `d`, read if needed, held until cacheRelease; or
 * -errno (-EIO for a failed read, -EINVAL for a bad size or disk).
 */
export function cacheRead(d: i32, blk: u64, sz: u32): i32 {
  if (!ready && !init()) return i32(-ENOMEM);
  if (blkDisk(d) === null || sz < 512 || sz > 4096 || sz % 512 != 0) return i32(-EINVAL);
  while (true) {
    let b = find(d, blk, sz);
    if (b != NONE) {
      refs[b]++;
      touch(b);
      while ((flags[b] & BUSY) != 0) waitForDevice(waits[b]!); // another reader's I/O brings it
      if ((flags[b] & VALID) != 0) {
        cacheStats.hits++;
        return b;
      }
      cacheRelease(b); // that read failed (and the block was forgotten): read it ourselves
      continue;
    }
    b = victim(); // may sleep writing a dirty buffer back
    if (find(d, blk, sz) != NONE) continue; // someone else read the block meanwhile
    cacheStats.misses++;
    disk[b] = d;
    block[b] = blk;
    size[b] = sz;
    flags[b] = BUSY;
    refs[b]++;
    touch(b);
    const r = blkRead(blkDisk(d)!, sector(b), phys[b], u64(sz));
    cacheStats.reads++;
    flags[b] = r == 0 ? VALID : 0;
    wakeAll(waits[b]!);
    if (r == 0) return b;
    disk[b] = NONE; // nobody finds a failed block
    cacheRelease(b);
    return i32(r);
  }
}

/** The kernel address of buffer `b`'s data. */
export function cacheData(b: i32): usize {
  return physToVirt(phys[b]);
}

/** Marks buffer `b` (held) changed: it is written back later (write-back). */
export function cacheMarkDirty(b: i32): void {
  flags[b] |= DIRTY;
}

/** Lets go of buffer `b`. */
export function cacheRelease(b: i32): void {
  refs[b]--;
  if (refs[b] == 0) wakeAll(freeWait);
}

/** Writes every dirty buffer of disk `d` (every disk if `d` < 0) and flushes the disks' caches: 0, or -EIO if anything failed. */
export function cacheSync(d: i32): i64 {
  if (!ready) return 0;
  let r: i64 = 0;
  for (let b: i32 = 0; b < CACHE_BUFFERS; b++) {
    if ((flags[b] & DIRTY) == 0 || (d >= 0 && disk[b] != d) || (flags[b] & BUSY) != 0) continue;
    refs[b]++;
    if (writeBack(b) < 0) r = -EIO;
    cacheRelease(b);
  }
  for (let k: i32 = 0; k < blkDiskCount(); k++) {
    if (d >= 0 && k != d) continue;
    if (blkFlush(blkDisk(k)!) < 0) r = -EIO;
  }
  return r;
}

/** Buffers dirty now. */
export function cacheDirtyCount(): i32 {
  let n: i32 = 0;
  for (let b: i32 = 0; b < CACHE_BUFFERS; b++) if ((flags[b] & DIRTY) != 0) n++;
  return n;
}
