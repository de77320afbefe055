// Typed arrays, T[] arrays, literals, .length, indexing and for…of.
function sum(xs: i32[]): i64 {
  let total: i64 = 0;
  for (const x of xs) total += i64(x);
  return total;
}
const primes: i32[] = [2, 3, 5, 7, 11, 13];
console.log(primes.length, primes[0], primes[5], sum(primes));

const bytes = new Uint8Array(16);
for (let i: i32 = 0; i < bytes.length; i++) bytes[i] = u8(i * 20);
console.log(bytes[0], bytes[3], bytes[15], bytes.length);
bytes[2] += 250;
console.log(bytes[2]);

function squares(n: i32): u32[] {
  const out = new Array<u32>(n);
  for (let i: i32 = 0; i < n; i++) out[i] = u32(i * i);
  return out;
}
const sq = squares(10);
let odd: i32 = 0;
for (const v of sq) {
  if (v % 2 == 1) odd++;
  if (v > 50) break;
}
console.log(sq[9], odd);

const words: string[] = ['alpha', 'beta', 'gamma'];
for (const w of words) console.log(w, w.length);
const grid: i32[][] = [[1, 2], [3, 4, 5]];
console.log(grid.length, grid[1].length, grid[1][2] + grid[0][1]);
//= 6 2 13 41
//= 0 60 44 16
//= 34
//= 81 4
//= alpha 5
//= beta 4
//= gamma 5
//= 2 3 7
