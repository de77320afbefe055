// The number below a limit with the longest Collatz chain, with a small cache.
const CACHE: i32 = 100000;
const cache = new Int32Array(CACHE);
function chain(n: i64): i32 {
  if (n < i64(CACHE) && cache[i32(n)] != 0) return cache[i32(n)];
  const r = n == 1 ? 1 : 1 + chain(n % 2 == 0 ? i64(n / 2) : 3 * n + 1);
  if (n < i64(CACHE)) cache[i32(n)] = r;
  return r;
}
let best: i32 = 0;
let arg: i32 = 0;
for (let i: i32 = 1; i < 300000; i++) {
  const c = chain(i64(i));
  if (c > best) {
    best = c;
    arg = i;
  }
}
console.log(arg, best, chain(27), chain(97));
//= 230631 443 112 119
