// Primes by trial division and by a sieve on a Uint8Array; prime factorisation.
function isPrime(n: i64): bool {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  for (let d: i64 = 3; d * d <= n; d += 2) if (n % d == 0) return false;
  return true;
}
function sieveCount(n: i32): i32 {
  const composite = new Uint8Array(n + 1);
  let count: i32 = 0;
  for (let i: i32 = 2; i <= n; i++) {
    if (composite[i] != 0) continue;
    count++;
    if (i > i32(n / i)) continue;
    for (let j: i32 = i * i; j <= n; j += i) composite[j] = 1;
  }
  return count;
}
function factor(n: i64): void {
  let d: i64 = 2;
  while (d * d <= n) {
    while (n % d == 0) {
      console.log('  factor', d);
      n = i64(n / d);
    }
    d++;
  }
  if (n > 1) console.log('  factor', n);
}
console.log(isPrime(2), isPrime(1), isPrime(97), isPrime(1000000007), isPrime(1000000007 * 3));
console.log(sieveCount(100), sieveCount(10000), sieveCount(100000));
factor(360);
factor(600851475143);
factor(9007199254740991);
//= true false true true false
//= 25 1229 9592
//=   factor 2
//=   factor 2
//=   factor 2
//=   factor 3
//=   factor 3
//=   factor 5
//=   factor 71
//=   factor 839
//=   factor 1471
//=   factor 6857
//=   factor 6361
//=   factor 69431
//=   factor 20394401
