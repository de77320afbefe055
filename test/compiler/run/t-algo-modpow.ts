// Modular exponentiation with i64 (products stay below 2^53) and Fermat tests.
function modpow(b: i64, e: i64, m: i64): i64 {
  let r: i64 = 1;
  b = b % m;
  while (e > 0) {
    if (e % 2 == 1) r = (r * b) % m;
    b = (b * b) % m;
    e = i64(e / 2);
  }
  return r;
}
const P: i64 = 65521;
console.log(modpow(2, 10, 1000), modpow(3, 200, 1000003), modpow(7, P - 1, P), modpow(12345, 0, 97));
let probable: i32 = 0;
for (let n: i64 = 3; n < 2000; n += 2) if (modpow(2, n - 1, n) == 1) probable++;
console.log(probable);
function isqrt(n: i64): i64 {
  let x: i64 = n;
  let y: i64 = i64((x + 1) / 2);
  while (y < x) {
    x = y;
    y = i64((x + i64(n / x)) / 2);
  }
  return x;
}
console.log(isqrt(0 + 1), isqrt(99), isqrt(100), isqrt(1000000000000), isqrt(9007199254740991));
//= 24 333986 1 1
//= 309
//= 1 9 10 1000000 94906265
