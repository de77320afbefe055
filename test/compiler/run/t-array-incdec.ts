// ++ and -- on array elements and fields.
const a = new Int32Array(3);
a[0]++;
a[0]++;
a[1]--;
++a[2];
const before = a[0]++;
const after = --a[1];
console.log(a[0], a[1], a[2], before, after);
class Box {
  n: i32 = 10;
}
const b = new Box();
b.n++;
--b.n;
const old = b.n--;
console.log(b.n, old);
const hist: i32[] = [0, 0, 0];
const vals: i32[] = [2, 0, 2, 1, 2];
for (const v of vals) hist[v]++;
console.log(hist[0], hist[1], hist[2]);
//= 3 -2 1 2 -2
//= 9 10
//= 1 1 3
