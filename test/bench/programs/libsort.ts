// The library's Vec<i32> (docs/library.md): 2^20 pushes of pseudo-random
// values, a sort by a comparator, and 2^20 binary searches. libsort.c is the
// same with an array and qsort, libsort.mjs with a JavaScript array and its sort.
import { Vec } from 'tskc:collections';

const N: i32 = 1 << 20;

function next(x: u32): u32 {
  return x * 1664525 + 1013904223;
}

function compare(a: i32, b: i32): i32 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function run(): void {
  const v = new Vec<i32>();
  let x: u32 = 7;
  for (let i: i32 = 0; i < N; i++) {
    x = next(x);
    v.push(i32(x >> 4));
  }
  v.sort(compare);
  let sum: i64 = 0;
  for (let i: i32 = 0; i < N; i++) sum += i64(v.get(i) % 1000) * i64(i % 1000);
  let found: i32 = 0;
  for (let i: i32 = 0; i < N; i++) {
    x = next(x);
    if (v.binarySearch(i32(x >> 4), compare) >= 0) found++;
  }
  console.log(v.length, sum, found);
  v.free();
  free(v);
}

run();
