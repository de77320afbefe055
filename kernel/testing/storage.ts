// The test build's commands for the IRQ table, PCI and the block layer
// (commands.ts hands them every line it does not know). Each answers with
// lines the storage tests wait for:
//
//   irqs      one line per IRQ line in use: "irq N owners NAME… handled H unhandled U",
//             then "irqs end"
//   irq13     a software `int 0x2d` (IRQ 13, a line no device owns): reported
//             and masked; answer "unhandled irqs N"
//   blk info                    "blk D capacity SECTORS irq LINE" per disk, then "blk end"
//   blk read D SECTOR BYTES     "blk read ok HASH" (32-bit FNV-1a of the bytes) or "blk read error -ERRNO"
//   blk write D SECTOR BYTES S  writes byte i = (S + 7 i) & 0xff; "blk write ok" or "… error -ERRNO"
//   blk flush D                 "blk flush ok" or "… error -ERRNO"
//   blk burst D SECTOR N        N reads of 4 KiB (consecutive) submitted before any is waited for;
//                               "blk burst ok in flight M hash HASH" (M: the most in flight at once)
//   cache read D BLOCK SIZE     through the buffer cache: "cache read ok HASH hits H misses M reads R"
//   cache write D BLOCK SIZE S  the block through the cache, byte i = (S + 7 i) & 0xff, marked dirty:
//                               "cache write ok dirty N" (nothing reaches the disk yet)
//   cache sync                  cacheSync of every disk: "cache sync ok writes W" or "… error -ERRNO"
// Buffers are at most 64 KiB of contiguous frames; interrupts are off around each request.
import { consoleWrite, consoleWriteInt, consoleWriteUint } from '../console/console';
import { BLK_T_IN, blkDisk, blkDiskCount, blkFlush, blkRead, blkSubmit, blkWait, blkWrite } from '../drivers/virtio/blk';
import { cacheData, cacheDirtyCount, cacheMarkDirty, cacheRead, cacheRelease, cacheStats, cacheSync } from '../block/cache';
import { allocFrames, freeFrameRun } from '../mm/frames';
import { physToVirt } from '../mm/phys';
import { IRQ_LINES, IRQ_MAX_OWNERS, irqHandledCount, irqOwnerCount, irqOwnerName, unhandledIrqs, irqUnhandledCount } from '../interrupts/irq';

/** Whether `line` (`length` bytes) starts with the word `word` followed by the end or a space. */
export function startsWord(line: Uint8Array, length: i32, word: string): bool {
  if (length < word.length) return false;
  for (let i: i32 = 0; i < word.length; i++) if (i32(line[i]) != word.charCodeAt(i)) return false;
  return length == word.length || line[word.length] == 32;
}

function irqTable(): void {
  for (let irq: u32 = 0; irq < IRQ_LINES; irq++) {
    if (irqOwnerCount(irq) == 0 && irqUnhandledCount(irq) == 0) continue;
    consoleWrite('irq ');
    consoleWriteUint(u64(irq));
    consoleWrite(' owners');
    for (let k: u32 = 0; k < IRQ_MAX_OWNERS; k++) {
      const name = irqOwnerName(irq, k);
      if (name === null) continue;
      consoleWrite(' ');
      consoleWrite(name);
    }
    consoleWrite(' handled ');
    consoleWriteUint(irqHandledCount(irq));
    consoleWrite(' unhandled ');
    consoleWriteUint(irqUnhandledCount(irq));
    consoleWrite('\n');
  }
  consoleWrite('irqs end\n');
}

const MAX_BUFFER: u64 = 0x1_0000;
const words = new Uint64Array(5); // the numbers after "blk NAME"
let wordCount: i32 = 0;

/** Parses the decimal numbers after the first two words of `line` into `words`. */
function parseNumbers(line: Uint8Array, length: i32): void {
  wordCount = 0;
  let field: i32 = 0;
  let i: i32 = 0;
  while (i < length && wordCount < 5) {
    while (i < length && line[i] == 32) i++;
    if (i == length) break;
    let v: u64 = 0;
    while (i < length && line[i] != 32) {
      v = v * 10 + u64(line[i] - 48);
      i++;
    }
    if (field >= 2) {
      words[wordCount] = v;
      wordCount++;
    }
    field++;
  }
}

function fnv(p: usize, n: u64, h: u32): u32 {
  let x = h;
  for (let i: u64 = 0; i < n; i++) x = (x ^ u32(load<u8>(p + usize(i)))) * 0x0100_0193;
  return x;
}

function result(what: string, r: i64): void {
  consoleWrite('blk ');
  consoleWrite(what);
  if (r == 0) consoleWrite(' ok');
  else {
    consoleWrite(' error ');
    consoleWriteInt(r);
  }
}

function blkInfo(): void {
  for (let d: i32 = 0; d < blkDiskCount(); d++) {
    const disk = blkDisk(d)!;
    consoleWrite('blk ');
    consoleWriteUint(u64(d));
    consoleWrite(' capacity ');
    consoleWriteUint(disk.capacity);
    consoleWrite(' irq ');
    consoleWriteUint(u64(disk.dev.pci.irqLine));
    consoleWrite('\n');
  }
  consoleWrite('blk end\n');
}

/** blk read / write / flush / burst on the disk in words[0]. */
function blkCommand(kind: u8): void {
  const disk = blkDisk(i32(words[0]));
  const bytes = kind == 98 ? words[2] * 4096 : words[2];
  if (disk === null || bytes > MAX_BUFFER || (kind == 98 && words[2] > 32)) {
    consoleWrite('blk: no such disk or too large\n');
    return;
  }
  const frames = (bytes + 4095) / 4096;
  const phys = frames == 0 ? 0 : allocFrames(frames);
  if (frames != 0 && phys == 0) {
    consoleWrite('blk: out of memory\n');
    return;
  }
  const buf = physToVirt(phys);
  cli();
  if (kind == 114) { // read
    const r = blkRead(disk, words[1], phys, bytes);
    result('read', r);
    if (r == 0) {
      consoleWrite(' ');
      consoleWriteUint(u64(fnv(buf, bytes, 0x811c_9dc5)));
    }
  } else if (kind == 119) { // write
    for (let i: u64 = 0; i < bytes; i++) store<u8>(buf + usize(i), u8((words[3] + 7 * i) & 0xff));
    result('write', blkWrite(disk, words[1], phys, bytes));
  } else if (kind == 102) result('flush', blkFlush(disk));
  else { // burst: every request in flight before the first wait
    const slots = new Int32Array(32);
    for (let k: u64 = 0; k < words[2]; k++) slots[i32(k)] = blkSubmit(disk, BLK_T_IN, words[1] + k * 8, phys + k * 4096, 4096);
    let r: i64 = 0;
    for (let k: u64 = 0; k < words[2]; k++) {
      const w = blkWait(disk, slots[i32(k)]);
      if (r == 0) r = w;
    }
    free(slots);
    result('burst', r);
    consoleWrite(' in flight ');
    consoleWriteUint(u64(disk.maxInFlight));
    consoleWrite(' hash ');
    consoleWriteUint(u64(fnv(buf, bytes, 0x811c_9dc5)));
  }
  sti();
  consoleWrite('\n');
  if (frames != 0) freeFrameRun(phys, frames);
}

function counter(label: string, v: u64): void {
  consoleWrite(label);
  consoleWriteUint(v);
}

/** cache read / write / sync (kind: the first letter of the word). */
function cacheCommand(kind: u8): void {
  cli();
  if (kind == 115) { // sync
    const r = cacheSync(-1);
    consoleWrite(r == 0 ? 'cache sync ok' : 'cache sync error ');
    if (r != 0) consoleWriteInt(r);
    counter(' writes ', cacheStats.writes);
  } else {
    const b = cacheRead(i32(words[0]), words[1], u32(words[2]));
    if (b < 0) {
      consoleWrite(kind == 114 ? 'cache read error ' : 'cache write error ');
      consoleWriteInt(i64(b));
    } else if (kind == 114) {
      counter('cache read ok ', u64(fnv(cacheData(b), words[2], 0x811c_9dc5)));
      counter(' hits ', cacheStats.hits);
      counter(' misses ', cacheStats.misses);
      counter(' reads ', cacheStats.reads);
      cacheRelease(b);
    } else {
      for (let i: u64 = 0; i < words[2]; i++) store<u8>(cacheData(b) + usize(i), u8((words[3] + 7 * i) & 0xff));
      cacheMarkDirty(b);
      cacheRelease(b);
      counter('cache write ok dirty ', u64(cacheDirtyCount()));
    }
  }
  sti();
  consoleWrite('\n');
}

/** Runs a storage command; false if `line` is none. */
export function storageCommand(line: Uint8Array, length: i32): bool {
  if (startsWord(line, length, 'irqs')) irqTable();
  else if (startsWord(line, length, 'irq13')) {
    asm('int 0x2d');
    consoleWrite('unhandled irqs ');
    consoleWriteUint(unhandledIrqs());
    consoleWrite('\n');
  } else if (startsWord(line, length, 'blk')) {
    parseNumbers(line, length);
    if (startsWord(line, length, 'blk info')) blkInfo();
    else if (length > 4) blkCommand(line[4]); // r(ead), w(rite), f(lush), b(urst)
  } else if (startsWord(line, length, 'cache')) {
    parseNumbers(line, length);
    if (length > 6) cacheCommand(line[6]); // r(ead), w(rite), s(ync)
  } else return false;
  return true;
}
