// Sorting of array ranges by a comparator (docs/library.md): introsort.
// Quicksort with a median-of-three pivot, recursing into the smaller side
// and looping on the larger (so the stack stays O(log n)); ranges of up to
// 16 elements by insertion sort; a heapsort when the depth passes 2 log2 n,
// so the worst case is O(n log n). No allocation; not stable.

const SMALL: i32 = 16;

/** Sorts a[lo … hi) in place by `compare` (negative: its first argument goes first). */
export function sortRange<T>(a: T[], lo: i32, hi: i32, compare: (x: T, y: T) => i32): void {
  if (lo < 0 || hi > a.length || lo > hi) throw new Error('sort: range out of bounds');
  let depth: i32 = 0;
  for (let n = hi - lo; n > 1; n = n >> 1) depth += 2;
  introsort<T>(a, lo, hi, depth, compare);
}

function introsort<T>(a: T[], lo: i32, hi: i32, depth: i32, compare: (x: T, y: T) => i32): void {
  while (hi - lo > SMALL) {
    if (depth == 0) {
      heapsort<T>(a, lo, hi, compare);
      return;
    }
    depth--;
    const p = partition<T>(a, lo, hi, compare);
    // Recurse into the smaller side, loop on the larger.
    if (p - lo < hi - p - 1) {
      introsort<T>(a, lo, p, depth, compare);
      lo = p + 1;
    } else {
      introsort<T>(a, p + 1, hi, depth, compare);
      hi = p;
    }
  }
  insertion<T>(a, lo, hi, compare);
}

function swap<T>(a: T[], i: i32, j: i32): void {
  const t = unchecked(a[i]);
  a[i] = unchecked(a[j]);
  a[j] = t;
}

/** Partitions a[lo … hi) around the median of three; returns the pivot's final index. */
function partition<T>(a: T[], lo: i32, hi: i32, compare: (x: T, y: T) => i32): i32 {
  const mid = lo + ((hi - lo) >> 1);
  const last = hi - 1;
  if (compare(unchecked(a[mid]), unchecked(a[lo])) < 0) swap<T>(a, mid, lo);
  if (compare(unchecked(a[last]), unchecked(a[lo])) < 0) swap<T>(a, last, lo);
  if (compare(unchecked(a[last]), unchecked(a[mid])) < 0) swap<T>(a, last, mid);
  // a[lo] <= a[mid] <= a[last]: the median goes to last - 1 as the pivot.
  swap<T>(a, mid, last - 1);
  const pivot = unchecked(a[last - 1]);
  let i = lo;
  let j = last - 1;
  while (true) {
    i++;
    while (compare(unchecked(a[i]), pivot) < 0) i++;
    j--;
    while (compare(pivot, unchecked(a[j])) < 0) j--;
    if (i >= j) break;
    swap<T>(a, i, j);
  }
  swap<T>(a, i, last - 1);
  return i;
}

function insertion<T>(a: T[], lo: i32, hi: i32, compare: (x: T, y: T) => i32): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = unchecked(a[i]);
    let j = i;
    while (j > lo && compare(x, unchecked(a[j - 1])) < 0) {
      a[j] = unchecked(a[j - 1]);
      j--;
    }
    a[j] = x;
  }
}

function heapsort<T>(a: T[], lo: i32, hi: i32, compare: (x: T, y: T) => i32): void {
  const n = hi - lo;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown<T>(a, lo, i, n, compare);
  for (let end = n - 1; end > 0; end--) {
    swap<T>(a, lo, lo + end);
    siftDown<T>(a, lo, 0, end, compare);
  }
}

/** Max-heap sift-down of element i in the heap a[base … base + n). */
function siftDown<T>(a: T[], base: i32, i: i32, n: i32, compare: (x: T, y: T) => i32): void {
  while (true) {
    let child = 2 * i + 1;
    if (child >= n) return;
    if (child + 1 < n && compare(unchecked(a[base + child]), unchecked(a[base + child + 1])) < 0) child++;
    if (compare(unchecked(a[base + i]), unchecked(a[base + child])) >= 0) return;
    swap<T>(a, base + i, base + child);
    i = child;
  }
}

/**
 * Sorts a[lo … hi) of a Uint64Array ascending (unsigned), in place: a
 * heapsort, O(n log n) in every case, no recursion and no allocation (the
 * samples of a measurement, sorted for their median and minimum).
 */
export function sortU64(a: Uint64Array, lo: i32, hi: i32): void {
  if (lo < 0 || hi > a.length || lo > hi) throw new Error('sortU64: range out of bounds');
  const n = hi - lo;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDownU64(a, lo, i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = unchecked(a[lo]);
    a[lo] = unchecked(a[lo + end]);
    a[lo + end] = t;
    siftDownU64(a, lo, 0, end);
  }
}

/** siftDown for sortU64: the max-heap a[base … base + n). */
function siftDownU64(a: Uint64Array, base: i32, i: i32, n: i32): void {
  const x = unchecked(a[base + i]);
  while (true) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && unchecked(a[base + child]) < unchecked(a[base + child + 1])) child++;
    const c = unchecked(a[base + child]);
    if (x >= c) break;
    a[base + i] = c;
    i = child;
  }
  a[base + i] = x;
}
