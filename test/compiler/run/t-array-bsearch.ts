// Binary search over a sorted array: found, missing, ends.
function search(a: i32[], key: i32): i32 {
  let lo: i32 = 0;
  let hi: i32 = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] == key) return mid;
    if (a[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -(lo + 1);
}
const sorted: i32[] = [-10, -3, 0, 4, 4, 9, 15, 21, 100];
const probes: i32[] = [-10, 100, 9, 5, -11, 101, 0, 21];
for (const p of probes) console.log(p, search(sorted, p));
//= -10 0
//= 100 8
//= 9 5
//= 5 -6
//= -11 -1
//= 101 -10
//= 0 2
//= 21 7
