// HashMap<K, V> and HashSet<K>: open addressing with linear probing
// (docs/library.md). Three parallel heap arrays of a power-of-two capacity:
// each slot's hash (0: empty), key and value. The table grows (doubles) before
// it is three quarters full; delete shifts the following entries of the probe
// run back (Knuth's algorithm R), so there are no tombstones and lookups
// never slow down after many deletions. The map owns its arrays, not what
// keys and values refer to.

import { hashOf } from './hash';
import { noStorage, release } from './storage';

const FIRST_CAPACITY: i32 = 8;

export class HashMap<K, V> {
  /** Each slot's hash, 0 when the slot is empty; the length is the capacity. */
  hashes: u32[];
  keys: K[];
  vals: V[];
  /** The number of entries. */
  count: i32 = 0;
  /** A hash of the user's (for class keys compared by content), or null for hashOf<K>. */
  hashFn: ((key: K) => u32) | null = null;
  /** The equality that goes with hashFn, or null for ===. */
  equalsFn: ((a: K, b: K) => bool) | null = null;

  /** An empty map: nothing is allocated until the first set. */
  constructor() {
    this.hashes = noStorage<u32>();
    this.keys = noStorage<K>();
    this.vals = noStorage<V>();
  }

  /** Compares keys with `equals` and hashes them with `hash` (equal keys must hash alike). Only on an empty map. */
  useHash(hash: (key: K) => u32, equals: (a: K, b: K) => bool): void {
    if (this.count != 0) throw new Error('HashMap.useHash: the map is not empty');
    this.hashFn = hash;
    this.equalsFn = equals;
  }

  get size(): i32 {
    return this.count;
  }

  /** Maps `key` to `value`; true if the key is new. Amortised O(1). */
  set(key: K, value: V): bool {
    if ((this.count + 1) * 4 > this.hashes.length * 3) this.resize(this.hashes.length == 0 ? FIRST_CAPACITY : this.hashes.length * 2);
    const h = this.hashKey(key);
    const mask = this.hashes.length - 1;
    let i = i32(h) & mask;
    while (true) {
      const s = unchecked(this.hashes[i]);
      if (s == 0) break;
      if (s == h && this.same(unchecked(this.keys[i]), key)) {
        this.vals[i] = value;
        return false;
      }
      i = (i + 1) & mask;
    }
    this.hashes[i] = h;
    this.keys[i] = key;
    this.vals[i] = value;
    this.count++;
    return true;
  }

  /** The value of `key`; panics if there is none. */
  get(key: K): V {
    const i = this.find(key);
    if (i < 0) throw new Error('HashMap.get: no such key');
    return unchecked(this.vals[i]);
  }

  /** The value of `key`, or `fallback` if there is none. */
  getOr(key: K, fallback: V): V {
    const i = this.find(key);
    return i < 0 ? fallback : unchecked(this.vals[i]);
  }

  has(key: K): bool {
    return this.find(key) >= 0;
  }

  /** Removes `key`; false if it was not there. O(1) expected, no tombstone left behind. */
  delete(key: K): bool {
    let i = this.find(key);
    if (i < 0) return false;
    const mask = this.hashes.length - 1;
    let j = i;
    while (true) {
      j = (j + 1) & mask;
      const s = unchecked(this.hashes[j]);
      if (s == 0) break;
      // The entry at j may move back to i unless its home slot lies in (i, j].
      if (((j - i32(s)) & mask) >= ((j - i) & mask)) {
        this.hashes[i] = s;
        this.keys[i] = unchecked(this.keys[j]);
        this.vals[i] = unchecked(this.vals[j]);
        i = j;
      }
    }
    this.hashes[i] = 0;
    this.count--;
    return true;
  }

  /** The first used slot after `slot` (-1 to start), or -1 at the end: `for (let i = m.next(-1); i >= 0; i = m.next(i))`. */
  next(slot: i32): i32 {
    for (let i = slot + 1; i < this.hashes.length; i++) if (unchecked(this.hashes[i]) != 0) return i;
    return -1;
  }

  /** The key in a used slot (from next). */
  keyAt(slot: i32): K {
    return this.keys[slot];
  }

  /** The value in a used slot (from next). */
  valueAt(slot: i32): V {
    return this.vals[slot];
  }

  /** Forgets every entry, keeps the storage: O(capacity). */
  clear(): void {
    for (let i: i32 = 0; i < this.hashes.length; i++) this.hashes[i] = 0;
    this.count = 0;
  }

  /** Returns the storage to the heap; the map is empty and may be used again. */
  free(): void {
    this.release();
    this.count = 0;
  }

  /** Reserves room for `n` entries without growing again. */
  reserve(n: i32): void {
    let cap = FIRST_CAPACITY;
    while (n * 4 > cap * 3) cap *= 2;
    if (cap > this.hashes.length) this.resize(cap);
  }

  private hashKey(key: K): u32 {
    const f = this.hashFn;
    if (f === null) return hashOf<K>(key);
    const h = f(key);
    return h != 0 ? h : 1;
  }

  private same(a: K, b: K): bool {
    const f = this.equalsFn;
    return f === null ? a === b : f(a, b);
  }

  /** The slot of `key`, or -1. */
  private find(key: K): i32 {
    if (this.count == 0) return -1;
    const h = this.hashKey(key);
    const mask = this.hashes.length - 1;
    let i = i32(h) & mask;
    while (true) {
      const s = unchecked(this.hashes[i]);
      if (s == 0) return -1;
      if (s == h && this.same(unchecked(this.keys[i]), key)) return i;
      i = (i + 1) & mask;
    }
  }

  /** Moves every entry into tables of `capacity` slots (a power of two), by the hashes kept. */
  private resize(capacity: i32): void {
    const hashes = new Array<u32>(capacity);
    const keys = new Array<K>(capacity);
    const vals = new Array<V>(capacity);
    const mask = capacity - 1;
    for (let j: i32 = 0; j < this.hashes.length; j++) {
      const h = unchecked(this.hashes[j]);
      if (h == 0) continue;
      let i = i32(h) & mask;
      while (unchecked(hashes[i]) != 0) i = (i + 1) & mask;
      hashes[i] = h;
      keys[i] = unchecked(this.keys[j]);
      vals[i] = unchecked(this.vals[j]);
    }
    this.release();
    this.hashes = hashes;
    this.keys = keys;
    this.vals = vals;
  }

  /** Returns the three arrays and goes back to none. */
  private release(): void {
    release<u32>(this.hashes);
    release<K>(this.keys);
    release<V>(this.vals);
    this.hashes = noStorage<u32>();
    this.keys = noStorage<K>();
    this.vals = noStorage<V>();
  }
}

/** A set of keys: a HashMap whose values are unused (one byte per slot). */
export class HashSet<K> extends HashMap<K, bool> {
  /** Adds `key`; true if it is new. */
  add(key: K): bool {
    return this.set(key, true);
  }
}
