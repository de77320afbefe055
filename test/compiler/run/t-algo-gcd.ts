// gcd (iterative and recursive), lcm, and the extended Euclidean algorithm.
function gcd(a: i64, b: i64): i64 {
  while (b != 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
function gcdRec(a: i32, b: i32): i32 {
  return b == 0 ? a : gcdRec(b, a % b);
}
function lcm(a: i64, b: i64): i64 {
  return i64(a / gcd(a, b)) * b;
}
let ex: i64 = 0;
let ey: i64 = 0;
function extgcd(a: i64, b: i64): i64 {
  if (b == 0) {
    ex = 1;
    ey = 0;
    return a;
  }
  const g = extgcd(b, a % b);
  const t = ex;
  ex = ey;
  ey = t - i64(a / b) * ey;
  return g;
}
console.log(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462), gcd(9007199254740881, 1000003));
console.log(gcdRec(100, 75), gcdRec(13, 0), lcm(4, 6), lcm(21, 6));
let l: i64 = 1;
for (let i: i64 = 1; i <= 30; i++) l = lcm(l, i);
console.log(l);
console.log(extgcd(240, 46), ex, ey, 240 * ex + 46 * ey);
//= 6 1 9 21 1
//= 25 13 12 42
//= 2329089562800
//= 2 -9 47 2
