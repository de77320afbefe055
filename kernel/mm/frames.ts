// The physical frame allocator: two bitmaps over every 4 KiB frame from 0 to
// the top of usable RAM. `usable` marks frames that belong to the allocator
// (usable RAM minus reserved ranges, the bitmaps themselves and frames the
// kernel cannot reach yet); `used` marks frames handed out (and every frame
// that is not usable). Allocation scans `used` a 64-bit word at a time from
// a hint below which no frame is free: near-constant time. Frame 0 is never
// usable, so 0 means "out of memory". Frames known to be all zero (page
// tables emptied entry by entry as an address space is torn down) wait in a
// small pool and come back first from allocZeroedFrame, which then need not
// clear them; they count as free. Pure code over physToVirt: the same file
// runs in the kernel and in the host tests (test/mm/).
import { bitClear, bitCount, bitFill, bitSet, bitTest, findClear, findClearRun } from './bitmap';
import { E820_USABLE, PAGE_SIZE, RegionList } from './memmap';
import { physToVirt, zeroFrame } from './phys';

const NONE: u64 = 0xffff_ffff_ffff_ffff;

let usedMap: usize = 0; // virtual addresses of the two bitmaps
let usableMap: usize = 0;
let words: u64 = 0; // words per bitmap
let frameLimit: u64 = 0; // frames [0, frameLimit) are covered
let hint: u64 = 0; // no free frame lives in a word below this one
let totalFrames: u64 = 0;
let freeFrames: u64 = 0;
let heldFrames: u64 = 0; // usable RAM at or above `reach`, not handed out yet
let heldFrom: u64 = 0; // the first held-back frame
let bitmapPhys: u64 = 0;
let bitmapBytes: u64 = 0;

function pageUp(x: u64): u64 {
  return (x + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

/** The lowest page-aligned address where `bytes` fit in a usable region below `reach`, clear of `reserved`. */
function placeBitmap(map: RegionList, reserved: RegionList, bytes: u64, reach: u64): u64 {
  for (let i = 0; i < map.count; i++) {
    if (map.type[i] != E820_USABLE) continue;
    let at = pageUp(map.base[i]);
    if (at == 0) at = PAGE_SIZE;
    while (at + bytes <= map.end[i] && at + bytes <= reach) {
      if (!reserved.overlaps(at, at + bytes)) return at;
      at += PAGE_SIZE;
    }
  }
  throw new Error('frames: no usable region can hold the frame bitmap');
}

/**
 * Takes over the usable regions of the sanitised `map`, minus the `reserved`
 * ranges. Frames at or above `reach` (the end of what physToVirt can reach)
 * are counted as held back and not handed out. The bitmaps are carved from
 * the first usable region that fits them and reserved.
 */
export function framesInit(map: RegionList, reserved: RegionList, reach: u64): void {
  const top = map.topOf(E820_USABLE);
  frameLimit = top / PAGE_SIZE;
  words = (frameLimit + 63) / 64;
  bitmapBytes = pageUp(words * 8 * 2);
  bitmapPhys = placeBitmap(map, reserved, bitmapBytes, reach);
  usedMap = physToVirt(bitmapPhys);
  usableMap = usedMap + usize(words * 8);
  bitFill(usedMap, 0, words * 64, true);
  bitFill(usableMap, 0, words * 64, false);
  for (let i = 0; i < map.count; i++) {
    if (map.type[i] != E820_USABLE) continue;
    const from = pageUp(map.base[i]) / PAGE_SIZE;
    const to = map.end[i] / PAGE_SIZE;
    bitFill(usedMap, from, to, false);
    bitFill(usableMap, from, to, true);
  }
  const total = bitCount(usableMap, words);
  for (let i = 0; i < reserved.count; i++) claim(reserved.base[i], reserved.end[i]);
  claim(0, PAGE_SIZE);
  claim(bitmapPhys, bitmapPhys + bitmapBytes);
  const reachable = bitCount(usableMap, words);
  heldFrom = pageUp(reach) / PAGE_SIZE;
  if (heldFrom < frameLimit) claim(heldFrom * PAGE_SIZE, frameLimit * PAGE_SIZE);
  totalFrames = bitCount(usableMap, words);
  heldFrames = reachable - totalFrames;
  freeFrames = totalFrames;
  hint = 0;
  if (total == 0) throw new Error('frames: the memory map has no usable RAM');
}

/**
 * Hands out the frames framesInit held back: physToVirt now reaches all RAM
 * (the kernel runs on its own page tables). `map` and `reserved` must be
 * the ones given to framesInit.
 */
export function framesRelease(map: RegionList, reserved: RegionList): void {
  if (heldFrames == 0) return;
  for (let i = 0; i < map.count; i++) {
    if (map.type[i] != E820_USABLE) continue;
    let from = pageUp(map.base[i]) / PAGE_SIZE;
    if (from < heldFrom) from = heldFrom;
    const to = map.end[i] / PAGE_SIZE;
    bitFill(usedMap, from, to, false);
    bitFill(usableMap, from, to, true);
  }
  for (let i = 0; i < reserved.count; i++) claimFrom(reserved.base[i], reserved.end[i], heldFrom);
  claimFrom(bitmapPhys, bitmapPhys + bitmapBytes, heldFrom);
  const total = bitCount(usableMap, words);
  freeFrames += total - totalFrames;
  totalFrames = total;
  heldFrames = 0;
  if (hint > heldFrom >> 6) hint = heldFrom >> 6;
  heldFrom = frameLimit;
}

/** Takes the frames overlapping [base, end) away from the allocator. */
function claim(base: u64, end: u64): void {
  claimFrom(base, end, 0);
}

/** claim, limited to the frames from frame `first` up. */
function claimFrom(base: u64, end: u64, first: u64): void {
  let to = pageUp(end) / PAGE_SIZE;
  if (to > frameLimit) to = frameLimit;
  let from = base / PAGE_SIZE;
  if (from < first) from = first;
  bitFill(usedMap, from, to, true);
  bitFill(usableMap, from, to, false);
}

/** How many zeroed frames the pool keeps; more are freed to the bitmap. */
const ZERO_POOL: i32 = 64;
const zeroPool = new Uint64Array(ZERO_POOL);
let pooled: i32 = 0;

let reclaimer: () => bool = reclaimNothing;
let reclaiming: bool = false;

function reclaimNothing(): bool {
  return false;
}

/**
 * Sets the function that gives back frames a cache holds (the kernel-stack
 * cache) when memory runs out; it returns whether it freed any.
 */
export function setFrameReclaimer(fn: () => bool): void {
  reclaimer = fn;
}

/** Asks the reclaimer for frames, once at a time; whether it freed any. */
function reclaim(): bool {
  if (reclaiming) return false;
  reclaiming = true;
  const freed = reclaimer();
  reclaiming = false;
  return freed;
}

/** One free frame's physical address, or 0 when memory is exhausted. */
export function allocFrame(): u64 {
  const f = findClear(usedMap, hint, words);
  if (f == NONE || f >= frameLimit) {
    hint = words;
    if (pooled > 0) return takePooled(); // the pool is the last free memory
    return reclaim() ? allocFrame() : 0;
  }
  bitSet(usedMap, f);
  hint = f >> 6;
  freeFrames--;
  return f * PAGE_SIZE;
}

function takePooled(): u64 {
  pooled--;
  freeFrames--;
  return unchecked(zeroPool[pooled]); // 0 <= pooled < ZERO_POOL
}

/** A free frame whose 4096 bytes are all zero (from the pool, else cleared now), or 0. */
export function allocZeroedFrame(): u64 {
  if (pooled > 0) return takePooled();
  const f = allocFrame();
  if (f != 0) zeroFrame(f);
  return f;
}

/**
 * Returns a frame from allocFrame or allocZeroedFrame that the caller has
 * left all zero (not checked: a frame with a stray byte would leak it into
 * the next page table or user page); pooled when there is room.
 */
export function freeZeroedFrame(phys: u64): void {
  if (pooled == ZERO_POOL) {
    freeFrame(phys);
    return;
  }
  if ((phys & (PAGE_SIZE - 1)) != 0 || !frameAllocated(phys)) throw new Error('freeZeroedFrame: not an allocated frame');
  store<u64>(changetype<usize>(zeroPool) + 8 + usize(pooled) * 8, phys); // zeroPool[pooled]: pooled < ZERO_POOL here
  pooled++;
  freeFrames++;
}

/** Hands the pooled frames back to the bitmap (before contiguous allocations that find no run). */
function drainPool(): void {
  while (pooled > 0) {
    pooled--;
    freeFrames--;
    freeFrame(zeroPool[pooled]);
  }
}

/** n physically contiguous free frames (the first one's address), or 0. */
export function allocFrames(n: u64): u64 {
  if (n == 1) return allocFrame();
  let f = findClearRun(usedMap, hint * 64, frameLimit, n);
  if (f == NONE && pooled > 0) {
    drainPool();
    f = findClearRun(usedMap, hint * 64, frameLimit, n);
  }
  if (f == NONE && reclaim()) return allocFrames(n);
  if (f == NONE) return 0;
  bitFill(usedMap, f, f + n, true);
  freeFrames -= n;
  return f * PAGE_SIZE;
}

/** Returns a frame; panics on a double free and on frames the allocator does not own. */
export function freeFrame(phys: u64): void {
  const f = phys / PAGE_SIZE;
  if ((phys & (PAGE_SIZE - 1)) != 0) throw new Error('freeFrame: address is not 4 KiB aligned');
  if (f >= frameLimit || !bitTest(usableMap, f)) throw new Error('freeFrame: frame is reserved or outside usable RAM');
  if (!bitTest(usedMap, f)) throw new Error('freeFrame: double free');
  bitClear(usedMap, f);
  freeFrames++;
  if (f >> 6 < hint) hint = f >> 6;
}

/** Returns n contiguous frames from allocFrames. */
export function freeFrameRun(phys: u64, n: u64): void {
  for (let i: u64 = 0; i < n; i++) freeFrame(phys + i * PAGE_SIZE);
}

/** Whether `phys` is a frame the allocator owns and has handed out. */
export function frameAllocated(phys: u64): bool {
  const f = phys / PAGE_SIZE;
  if (f >= frameLimit) return false;
  const w = usize(f >> 6) * 8; // one word of each bitmap, tested together (every kfree and freed table asks)
  return ((load<u64>(usableMap + w) & load<u64>(usedMap + w)) >> (f & 63) & 1) != 0;
}

/** The frames the allocator covers: [0, framesLimit()) (every frame of RAM up to its top). */
export function framesLimit(): u64 {
  return frameLimit;
}

export function framesTotal(): u64 {
  return totalFrames;
}

export function framesFree(): u64 {
  return freeFrames;
}

export function framesUsed(): u64 {
  return totalFrames - freeFrames;
}

/** Usable frames out of reach (above the identity map) that the allocator does not hand out yet. */
export function framesHeld(): u64 {
  return heldFrames;
}

export function framesBitmapPhys(): u64 {
  return bitmapPhys;
}

export function framesBitmapBytes(): u64 {
  return bitmapBytes;
}
