// are-we-fast-yet Sieve: primes up to 5000 with a bool array, 669 of them.
// The flags array is allocated once and refilled (free does not take arrays
// yet, so a per-iteration allocation would leak).
const ITERATIONS: i32 = 20000;
const SIZE: i32 = 5000;
const flags = new Array<bool>(SIZE);

function sieve(size: i32): i32 {
  for (let i: i32 = 0; i < size; i++) flags[i] = true;
  let primeCount: i32 = 0;
  for (let i: i32 = 2; i <= size; i++) {
    if (flags[i - 1]) {
      primeCount++;
      let k: i32 = i + i;
      while (k <= size) {
        flags[k - 1] = false;
        k += i;
      }
    }
  }
  return primeCount;
}

let result: i32 = 0;
let bad: i32 = 0;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  result = sieve(SIZE);
  if (result != 669) bad++;
}
console.log(result, bad);
