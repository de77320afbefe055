// Next permutation in lexicographic order; counts and prints some.
function nextPerm(a: i32[]): bool {
  let i: i32 = a.length - 2;
  while (i >= 0 && a[i] >= a[i + 1]) i--;
  if (i < 0) return false;
  let j: i32 = a.length - 1;
  while (a[j] <= a[i]) j--;
  let t = a[i];
  a[i] = a[j];
  a[j] = t;
  for (let l: i32 = i + 1, r: i32 = a.length - 1; l < r; l++, r--) {
    t = a[l];
    a[l] = a[r];
    a[r] = t;
  }
  return true;
}
const p: i32[] = [1, 2, 3];
do console.log(p[0], p[1], p[2]);
while (nextPerm(p));
const q: i32[] = [1, 1, 2, 2, 3];
let count: i32 = 1;
while (nextPerm(q)) count++;
console.log(count);
const r: i32[] = [1, 2, 3, 4, 5, 6, 7];
let n: i32 = 1;
while (nextPerm(r)) n++;
console.log(n, r[0], r[6]);
//= 1 2 3
//= 1 3 2
//= 2 1 3
//= 2 3 1
//= 3 1 2
//= 3 2 1
//= 30
//= 5040 7 1
