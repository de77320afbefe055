// BitSet: a fixed number of bits in one heap array of u64 words
// (docs/library.md), with scans for the first set or clear bit that skip
// whole words (64 bits per compare) and find the bit in a word with one
// `bsf`: what frame, pid and slot allocators need.

import { bitCount, lowestBit } from './bits';

export class BitSet {
  readonly words: Uint64Array;

  /** `size` bits, all clear. */
  constructor(public readonly size: i32) {
    if (this.size < 0) throw new Error('BitSet: negative size');
    this.words = new Uint64Array((this.size + 63) >> 6);
  }

  /** Whether bit i is set (panics outside 0 … size-1). */
  has(i: i32): bool {
    this.check(i);
    return ((unchecked(this.words[i >> 6]) >> u64(i & 63)) & 1) != 0;
  }

  set(i: i32): void {
    this.check(i);
    this.words[i >> 6] = this.words[i >> 6] | (u64(1) << u64(i & 63));
  }

  clear(i: i32): void {
    this.check(i);
    this.words[i >> 6] = this.words[i >> 6] & ~(u64(1) << u64(i & 63));
  }

  /** The first set bit at or after `from`, or -1. O(size / 64). */
  firstSet(from: i32): i32 {
    return this.scan(from, 0);
  }

  /** The first clear bit at or after `from`, or -1. O(size / 64). */
  firstClear(from: i32): i32 {
    return this.scan(from, 0xffffffffffffffff);
  }

  /** The number of set bits. O(size / 64). */
  count(): i32 {
    let n: i32 = 0;
    for (let w: i32 = 0; w < this.words.length; w++) n += bitCount(unchecked(this.words[w]));
    return n;
  }

  /** Clears every bit. */
  clearAll(): void {
    for (let w: i32 = 0; w < this.words.length; w++) this.words[w] = 0;
  }

  /** Returns the words to the heap; the set must not be used afterwards (free(set) the object too). */
  free(): void {
    free(this.words);
  }

  private check(i: i32): void {
    if (u32(i) >= u32(this.size)) throw new Error('BitSet: bit index out of range');
  }

  /** The first bit at or after `from` that differs from the bits of `skip` (a whole word of them is skipped at once). */
  private scan(from: i32, skip: u64): i32 {
    if (from < 0) from = 0;
    if (from >= this.size) return -1;
    let w = from >> 6;
    // Bits below `from` in its word count as `skip`.
    let bits = (unchecked(this.words[w]) ^ skip) & (u64(0xffffffffffffffff) << u64(from & 63));
    while (bits == 0) {
      w++;
      if (w >= this.words.length) return -1;
      bits = unchecked(this.words[w]) ^ skip;
    }
    const i = (w << 6) + lowestBit(bits);
    return i < this.size ? i : -1;
  }
}
