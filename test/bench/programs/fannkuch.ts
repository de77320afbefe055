// fannkuch-redux (Benchmarks Game): flips of every permutation of 1..n,
// with the alternating checksum. n = 10 gives 73196 / 38.
function fannkuch(n: i32): i32 {
  const perm = new Int32Array(n);
  const perm1 = new Int32Array(n);
  const count = new Int32Array(n);
  let maxFlips: i32 = 0;
  let checksum: i32 = 0;
  let permCount: i32 = 0;
  for (let i: i32 = 0; i < n; i++) perm1[i] = i;
  let r: i32 = n;
  while (true) {
    while (r != 1) {
      count[r - 1] = r;
      r--;
    }
    for (let i: i32 = 0; i < n; i++) perm[i] = perm1[i];
    let flips: i32 = 0;
    let k: i32 = perm[0];
    while (k != 0) {
      let lo: i32 = 0;
      let hi: i32 = k;
      while (lo < hi) {
        const t = perm[lo];
        perm[lo] = perm[hi];
        perm[hi] = t;
        lo++;
        hi--;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 == 0 ? flips : -flips;
    while (true) {
      if (r == n) {
        console.log(checksum);
        return maxFlips;
      }
      const perm0 = perm1[0];
      for (let i: i32 = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = perm0;
      count[r] = count[r] - 1;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

const n: i32 = 10;
console.log(`Pfannkuchen(${n}) = ${fannkuch(n)}`);
