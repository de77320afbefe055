// Recursion over arrays: sum, max, and a recursive binary search.
function sum(a: i32[], from: i32): i64 {
  return from >= a.length ? 0 : i64(a[from]) + sum(a, from + 1);
}
function max(a: Int32Array, lo: i32, hi: i32): i32 {
  if (lo == hi) return a[lo];
  const mid = (lo + hi) >> 1;
  const l = max(a, lo, mid);
  const r = max(a, mid + 1, hi);
  return l > r ? l : r;
}
function find(a: i32[], key: i32, lo: i32, hi: i32): i32 {
  if (lo > hi) return -1;
  const mid = (lo + hi) >> 1;
  if (a[mid] == key) return mid;
  return a[mid] < key ? find(a, key, mid + 1, hi) : find(a, key, lo, mid - 1);
}
const xs: i32[] = [2000000000, 2000000000, 2000000000, -5, 7];
console.log(sum(xs, 0), sum(xs, 3), sum([], 0));
const ys = new Int32Array(1000);
for (let i: i32 = 0; i < ys.length; i++) ys[i] = (i * 7919) % 1009;
console.log(max(ys, 0, ys.length - 1), max(ys, 0, 0), max(ys, 10, 20));
const sorted: i32[] = [1, 3, 5, 7, 9, 11, 13];
console.log(find(sorted, 1, 0, 6), find(sorted, 13, 0, 6), find(sorted, 8, 0, 6));
//= 6000000002 2 0
//= 1008 0 976
//= 0 6 -1
