// f64 (TypeScript's number) and f32 arithmetic, comparisons and conversions.
function hypot2(a: number, b: number): number {
  return a * a + b * b;
}
function mean(xs: number[]): number {
  let sum = 0.0;
  for (const x of xs) sum += x;
  return sum / f64(xs.length);
}
const h = hypot2(3, 4);
console.log(i32(h), h == 25, h > 24.5, h < 25);
const m = mean([1.5, 2.5, 4.0, 8.0]);
console.log(i32(m * 1000), i64(m * 1e9));
let x: number = -7.9;
console.log(i32(x), i32(-x), i64(x * 100));
let half: f32 = f32(0.5);
let third: f32 = f32(1) / f32(3);
console.log(i32(f64(half + third) * 1000000));
let n: i32 = 7;
let u: u32 = 4000000000;
let big: i64 = -9000000000;
console.log(i64(f64(n) / 2 * 10), i64(f64(u)), i64(f64(big)), u32(f64(u) / 2));
let acc: number = 0;
for (let i: i32 = 0; i < 10; i++) acc += 0.1;
console.log(acc == 1.0, acc > 0.99, i32(acc * 10));
const nan = 0.0 / 0.0;
console.log(nan == nan, nan != nan, nan < 1, nan > 1, i32(1.0 / 0.0 > 1e308));
let r = 1.0;
r++;
r *= 2.5;
console.log(i32(r * 10), -r < 0);
const million: i64 = 1e6;
console.log(million, i32(2.5e3));
//= 25 true true false
//= 4000 4000000000
//= -7 7 -790
//= 833333
//= 35 4000000000 -9000000000 2000000000
//= false true 9
//= false true false false 1
//= 50 true
//= 1000000 2500
