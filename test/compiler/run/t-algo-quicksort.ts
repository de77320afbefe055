// Recursive quicksort (Lomuto) and merge sort with a scratch array.
function quick(a: Int32Array, lo: i32, hi: i32): void {
  if (lo >= hi) return;
  const pivot = a[hi];
  let i: i32 = lo;
  for (let j: i32 = lo; j < hi; j++)
    if (a[j] < pivot) {
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
      i++;
    }
  const t = a[i];
  a[i] = a[hi];
  a[hi] = t;
  quick(a, lo, i - 1);
  quick(a, i + 1, hi);
}
function merge(a: i64[], tmp: i64[], lo: i32, hi: i32): void {
  if (hi - lo < 2) return;
  const mid = (lo + hi) >> 1;
  merge(a, tmp, lo, mid);
  merge(a, tmp, mid, hi);
  let i: i32 = lo;
  let j: i32 = mid;
  let k: i32 = lo;
  while (i < mid || j < hi) {
    if (j >= hi || (i < mid && a[i] <= a[j])) tmp[k++] = a[i++];
    else tmp[k++] = a[j++];
  }
  for (let x: i32 = lo; x < hi; x++) a[x] = tmp[x];
}
const n: i32 = 2000;
const a = new Int32Array(n);
let s: i32 = 12345;
for (let i: i32 = 0; i < n; i++) {
  s = (s * 1103 + 12345) % 65536;
  a[i] = s - 32768;
}
quick(a, 0, n - 1);
let sorted = true;
for (let i: i32 = 1; i < n; i++) if (a[i - 1] > a[i]) sorted = false;
console.log(sorted, a[0], a[n - 1], a[1000]);
const b: i64[] = [5000000000, -3, 77, 0, -5000000000, 12, 12, 9];
const tmp = new Array<i64>(b.length);
merge(b, tmp, 0, b.length);
console.log(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
//= true -32752 32752 1161
//= -5000000000 -3 0 9 12 12 77 5000000000
