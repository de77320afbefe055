// Host test of the frame allocator (kernel/mm/frames.ts) on the fake machine
// of hostmap.ts: seeded random sequences of single and contiguous
// allocations and frees against a model (a byte per frame), checking that
// every frame handed out is aligned, usable, not reserved, not held back and
// not already out, that a tag written into it survives, that the statistics
// match the model after every step, that allocating until exhaustion hands
// out exactly the free count, and that everything comes back.
import {
  allocFrame, allocFrames, allocZeroedFrame, framesBitmapBytes, framesBitmapPhys, framesFree, framesHeld, framesTotal, framesUsed,
  freeFrame, freeFrameRun, freeZeroedFrame, setFrameReclaimer,
} from '../../kernel/mm/frames';
import { E820_USABLE, PAGE_SIZE } from '../../kernel/mm/memmap';
import { physToVirt } from '../../kernel/mm/phys';
import { below, readNumber, seed } from './hostlib';
import { ARENA_BYTES, map, REACH, reserved, setupFrames } from './hostmap';

const FRAMES: i32 = 16384; // ARENA_BYTES / PAGE_SIZE
const out = new Uint8Array(16384); // model: 1 = frame handed out
const liveAt = new Uint64Array(20000); // live allocations: first frame and length
const liveN = new Uint64Array(20000);
let live: i32 = 0;
let liveFrames: u64 = 0;

/** Whether the allocator may hand out frame f, decided from the map alone (not from its bitmaps). */
function allocatable(f: u64): bool {
  const b = f * PAGE_SIZE;
  const e = b + PAGE_SIZE;
  if (b == 0 || e > REACH || reserved.overlaps(b, e)) return false;
  const bm = framesBitmapPhys();
  if (b < bm + framesBitmapBytes() && bm < e) return false;
  for (let i = 0; i < map.count; i++) if (map.type[i] == E820_USABLE && map.base[i] <= b && e <= map.end[i]) return true;
  return false;
}

function take(p: u64, n: u64): void {
  assert(p % PAGE_SIZE == 0, 'frame not aligned');
  for (let i: u64 = 0; i < n; i++) {
    const f = p / PAGE_SIZE + i;
    assert(f < u64(FRAMES) && allocatable(f), 'frame handed out that is not allocatable');
    assert(out[i32(f)] == 0, 'frame handed out twice');
    out[i32(f)] = 1;
    store<u64>(physToVirt(f * PAGE_SIZE), f * 0x1_0001 + 7); // a tag only this frame carries
  }
  liveAt[live] = p;
  liveN[live] = n;
  live++;
  liveFrames += n;
}

function give(k: i32): void {
  const p = liveAt[k];
  const n = liveN[k];
  for (let i: u64 = 0; i < n; i++) {
    const f = p / PAGE_SIZE + i;
    assert(load<u64>(physToVirt(f * PAGE_SIZE)) == f * 0x1_0001 + 7, 'frame contents overwritten while allocated');
    out[i32(f)] = 0;
  }
  if (n == 1) freeFrame(p);
  else freeFrameRun(p, n);
  live--;
  liveAt[k] = liveAt[live];
  liveN[k] = liveN[live];
  liveFrames -= n;
}

setupFrames();
let expected: u64 = 0;
for (let f: u64 = 0; f < u64(FRAMES); f++) if (allocatable(f)) expected++;
assert(framesTotal() == expected, 'total frames differ from the map minus reservations');
assert(framesFree() == expected && framesUsed() == 0, 'fresh allocator not all free');
assert(framesHeld() == (ARENA_BYTES - REACH) / PAGE_SIZE, 'frames beyond reach not held back');
const baseline = framesFree();

const rounds = readNumber();
seed(readNumber());
for (let r: u64 = 0; r < rounds; r++) {
  const roll = below(100);
  if (live > 0 && (roll < 45 || live >= 19000)) {
    give(i32(below(u64(live))));
  } else if (roll < 52) {
    const n = 2 + below(15);
    const p = allocFrames(n);
    if (p != 0) take(p, n);
  } else {
    const p = allocFrame();
    assert(p != 0, 'out of memory with frames free');
    take(p, 1);
  }
  assert(framesFree() == baseline - liveFrames, 'free count differs from the model');
  assert(framesUsed() == liveFrames, 'used count differs from the model');
}

// The pool of zeroed frames: a frame given back zeroed counts as free and
// comes back first, still zero; one with a tag is never handed out as zeroed.
const z = allocZeroedFrame();
assert(z != 0, 'allocZeroedFrame');
for (let o: usize = 0; o < 4096; o += 8) assert(load<u64>(physToVirt(z) + o) == 0, 'allocZeroedFrame gave a frame that is not zero');
const freeBeforePool = framesFree();
freeZeroedFrame(z);
assert(framesFree() == freeBeforePool + 1, 'a pooled frame does not count as free');
assert(allocZeroedFrame() == z && framesFree() == freeBeforePool, 'the pooled frame did not come back first');
freeZeroedFrame(z);
const dirty = allocFrame();
store<u64>(physToVirt(dirty) + 4088, 0xdead);
freeFrame(dirty);
for (let i = 0; i < 100; i++) {
  const f = allocZeroedFrame();
  for (let o: usize = 0; o < 4096; o += 8) assert(load<u64>(physToVirt(f) + o) == 0, 'a zeroed frame with old contents');
  take(f, 1);
}
while (live > 0) give(live - 1);
liveFrames = 0;
assert(framesFree() == baseline, 'frames not back after the pool');

// Exhaustion: exactly the free frames come out, then 0, cleanly.
let drained: u64 = 0;
let p = allocFrame();
while (p != 0) {
  take(p, 1);
  drained++;
  p = allocFrame();
}
assert(drained == baseline - (liveFrames - drained), 'exhaustion handed out a different number of frames than were free');
assert(framesFree() == 0 && allocFrames(2) == 0, 'frames left after exhaustion');
while (live > 0) give(live - 1);
assert(framesFree() == baseline, 'frames did not all come back');

// The reclaimer: asked once when memory runs out, and what it frees is handed out.
let kept: u64 = 0;
let asked: i32 = 0;
function giveBack(): bool {
  asked++;
  if (kept == 0) return false;
  freeFrame(kept);
  kept = 0;
  return true;
}
setFrameReclaimer(giveBack);
let last: u64 = allocFrame();
kept = last;
while (last != 0) {
  last = allocFrame();
  if (last != 0) take(last, 1);
}
assert(asked == 2 && kept == 0, 'the reclaimer was not asked when memory ran out');
// (the reclaimed frame came out before the second, empty-handed, request)
assert(framesFree() == 0, 'frames left after exhaustion with a reclaimer');
while (live > 0) give(live - 1);
assert(framesFree() == baseline, 'frames did not come back after reclaiming');
console.log(`frames ok ${rounds} total ${framesTotal()} drained ${drained}`);
