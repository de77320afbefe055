// Fibonacci numbers up to 2^53 iteratively in i64, and modulo a prime.
let a: i64 = 0;
let b: i64 = 1;
for (let i: i32 = 0; i < 78; i++) {
  const t = a + b;
  a = b;
  b = t;
  if (i % 13 == 0) console.log(i + 1, a);
}
console.log(a);
function fibMod(n: i32, m: i32): i32 {
  let x: i32 = 0;
  let y: i32 = 1;
  for (let i: i32 = 0; i < n; i++) {
    const t = (x + y) % m;
    x = y;
    y = t;
  }
  return x;
}
console.log(fibMod(1000, 1000007), fibMod(100000, 1000000007), fibMod(10, 2));
//= 1 1
//= 14 377
//= 27 196418
//= 40 102334155
//= 53 53316291173
//= 66 27777890035288
//= 8944394323791464
//= 498402 911435502 1
