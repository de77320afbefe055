// The library's HashMap<i32, i32> (docs/library.md): 2^21 inserts of
// pseudo-random keys (some repeat), as many hits, as many mostly-missing
// lookups, and half as many deletes. libmap.c is the same with a simple
// open-addressing map of its own, libmap.mjs with JavaScript's Map.
import { HashMap } from 'tskc:collections';

const N: i32 = 1 << 21;

function next(x: u32): u32 {
  return x * 1664525 + 1013904223;
}

function run(): void {
  const m = new HashMap<i32, i32>();
  let x: u32 = 1;
  for (let i: i32 = 0; i < N; i++) {
    x = next(x);
    m.set(i32(x >> 8), i);
  }
  let sum: i64 = 0;
  x = 1;
  for (let i: i32 = 0; i < N; i++) {
    x = next(x);
    sum += i64(m.getOr(i32(x >> 8), -1));
  }
  let hits: i32 = 0;
  for (let i: i32 = 0; i < N; i++) {
    x = next(x);
    if (m.has(i32(x >> 8))) hits++;
  }
  let deleted: i32 = 0;
  x = 1;
  for (let i: i32 = 0; i < N / 2; i++) {
    x = next(x);
    if (m.delete(i32(x >> 8))) deleted++;
  }
  console.log(m.size, sum, hits, deleted);
  m.free();
  free(m);
}

run();
