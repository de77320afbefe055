// The library's MinHeap<i32> (docs/library.md), as a timer queue uses it:
// 2^20 pushes, then 2^21 rounds of pop-the-earliest and push a later
// deadline, then draining. libheap.c and libheap.mjs are the same binary
// heap written out in C and on a JavaScript array (Node has no heap type).
import { MinHeap } from 'tskc:collections';

const N: i32 = 1 << 20;

function next(x: u32): u32 {
  return x * 1664525 + 1013904223;
}

function earlier(a: i32, b: i32): i32 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function run(): void {
  const h = new MinHeap<i32>(earlier);
  let x: u32 = 3;
  for (let i: i32 = 0; i < N; i++) {
    x = next(x);
    h.push(i32(x >> 8));
  }
  let sum: i64 = 0;
  for (let i: i32 = 0; i < 2 * N; i++) {
    const t = h.pop();
    sum = (sum + i64(t)) % 1000000007;
    x = next(x);
    h.push(t + i32(x >> 16));
  }
  while (h.length > 0) sum = (sum + i64(h.pop())) % 1000000007;
  console.log(sum);
  h.free();
  free(h);
}

run();
