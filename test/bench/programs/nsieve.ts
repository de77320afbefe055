// nsieve (the old shootout benchmark): count primes below 10000 * 2^m for
// m = 9, 8, 7 with a byte array of flags.
function nsieve(m: i32, flags: Uint8Array): i32 {
  for (let i: i32 = 2; i < m; i++) flags[i] = 1;
  let count: i32 = 0;
  for (let i: i32 = 2; i < m; i++) {
    if (flags[i] != 0) {
      for (let k: i32 = i + i; k < m; k += i) flags[k] = 0;
      count++;
    }
  }
  return count;
}

const N: i32 = 9;
const flags = new Uint8Array((1 << N) * 10000 + 1);
for (let i: i32 = 0; i < 3; i++) {
  const m: i32 = (1 << (N - i)) * 10000;
  console.log(`Primes up to ${m} ${nsieve(m, flags)}`);
}
