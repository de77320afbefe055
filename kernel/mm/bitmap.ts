// Bitmaps in raw memory, handled a 64-bit word at a time: range fills touch
// whole words in the middle, searches skip full words, and the index of a
// bit inside a word is found by one `bsf`, never bit by bit.
// `bm` is the bitmap's (virtual) address; bit i is bit i%64 of word i/64.
import { lowestBit } from 'tskc:bits';

const ALL: u64 = 0xffff_ffff_ffff_ffff;

export function bitTest(bm: usize, i: u64): bool {
  return ((load<u64>(bm + usize(i >> 6) * 8) >> (i & 63)) & 1) != 0;
}

export function bitSet(bm: usize, i: u64): void {
  const a = bm + usize(i >> 6) * 8;
  store<u64>(a, load<u64>(a) | (u64(1) << (i & 63)));
}

export function bitClear(bm: usize, i: u64): void {
  const a = bm + usize(i >> 6) * 8;
  store<u64>(a, load<u64>(a) & ~(u64(1) << (i & 63)));
}

/** Bits lo..63 of a word set (lo < 64). */
function fromBit(lo: u64): u64 {
  return ALL << lo;
}

/** Sets (value true) or clears bits [from, to). */
export function bitFill(bm: usize, from: u64, to: u64, value: bool): void {
  if (from >= to) return;
  let w = from >> 6;
  const last = (to - 1) >> 6;
  while (w <= last) {
    let mask = ALL;
    if (w == from >> 6) mask = mask & fromBit(from & 63);
    if (w == last && (to & 63) != 0) mask = mask & ~fromBit(to & 63);
    const a = bm + usize(w) * 8;
    store<u64>(a, value ? load<u64>(a) | mask : load<u64>(a) & ~mask);
    w++;
  }
}

/** The index (0..63) of the lowest set bit of x, which must not be 0. */
export function lowestSet(x: u64): u64 {
  return u64(lowestBit(x)); // one bsf (a binary search was 30 instructions: every slab object and frame found goes through here)
}

/** The number of set bits of x (SWAR). */
export function popcount(x: u64): u64 {
  x = x - ((x >> 1) & 0x5555_5555_5555_5555);
  x = (x & 0x3333_3333_3333_3333) + ((x >> 2) & 0x3333_3333_3333_3333);
  x = (x + (x >> 4)) & 0x0f0f_0f0f_0f0f_0f0f;
  return (x * 0x0101_0101_0101_0101) >> 56;
}

/** The number of set bits in words [0, words). */
export function bitCount(bm: usize, words: u64): u64 {
  let n: u64 = 0;
  for (let w: u64 = 0; w < words; w++) n += popcount(load<u64>(bm + usize(w) * 8));
  return n;
}

/** The first clear bit at or after word `w0`, searching whole words; ALL if none. */
export function findClear(bm: usize, w0: u64, words: u64): u64 {
  for (let w = w0; w < words; w++) {
    const v = load<u64>(bm + usize(w) * 8);
    if (v != ALL) return (w << 6) + lowestSet(~v);
  }
  return ALL;
}

/** The first run of n clear bits inside [from, limit); ALL if none. Skips full words whole. */
export function findClearRun(bm: usize, from: u64, limit: u64, n: u64): u64 {
  let i = from;
  let start = from;
  while (i < limit) {
    if ((i & 63) == 0 && load<u64>(bm + usize(i >> 6) * 8) == ALL) {
      i += 64;
      start = i;
      continue;
    }
    if (bitTest(bm, i)) start = i + 1;
    else if (i + 1 - start >= n) return start;
    i++;
  }
  return ALL;
}
