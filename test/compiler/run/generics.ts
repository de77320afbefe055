// Generic functions, compiled once per list of type arguments.
function max<T extends number>(a: T, b: T): T {
  return a > b ? a : b;
}
function sum<T extends number>(xs: T[], zero: T): T {
  let total = zero;
  for (const x of xs) total = (total + x) as T;
  return total;
}
function first<T>(xs: T[]): T {
  return xs[0];
}
function swapInPlace<T>(xs: T[], i: i32, j: i32): void {
  const t = xs[i];
  xs[i] = xs[j];
  xs[j] = t;
}
function countdown<T extends number>(n: T, one: T): i32 {
  if (n <= one) return 1;
  return 1 + countdown<T>(n - one as T, one);
}
class Box {
  constructor(public v: i32) {}
}

let a: i32 = 3;
let b: i32 = -7;
let u: u8 = 200;
let v: u8 = 100;
console.log(max(a, b), max<u8>(u, v), i32(max(2.5, 1.5)), max<i64>(5, 9));
const ints: i32[] = [1, 2, 3, 4];
const wide: i64[] = [3000000000, 4000000000];
console.log(sum(ints, 0), sum<i64>(wide, 0));
const boxes: Box[] = [new Box(10), new Box(20)];
swapInPlace(boxes, 0, 1);
swapInPlace(ints, 0, 3);
console.log(first(boxes).v, first(ints), first(['x', 'y']));
console.log(countdown<i32>(5, 1), countdown<u64>(3, 1));
//= 3 200 2 9
//= 10 7000000000
//= 20 4 x
//= 5 3
