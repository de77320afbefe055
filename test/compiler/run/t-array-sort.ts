// Bubble, insertion and selection sort on arrays.
function bubble(a: i32[]): void {
  for (let i: i32 = 0; i < a.length; i++)
    for (let j: i32 = 0; j + 1 < a.length - i; j++)
      if (a[j] > a[j + 1]) {
        const t = a[j];
        a[j] = a[j + 1];
        a[j + 1] = t;
      }
}
function insertion(a: Int32Array): void {
  for (let i: i32 = 1; i < a.length; i++) {
    const v = a[i];
    let j: i32 = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
function selection(a: u32[]): void {
  for (let i: i32 = 0; i < a.length; i++) {
    let m: i32 = i;
    for (let j: i32 = i + 1; j < a.length; j++) if (a[j] < a[m]) m = j;
    const t = a[i];
    a[i] = a[m];
    a[m] = t;
  }
}
const x: i32[] = [5, -3, 9, 0, 2, 2, -8, 7];
bubble(x);
console.log(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
const y = new Int32Array(10);
let seed: i32 = 7;
for (let i: i32 = 0; i < y.length; i++) {
  seed = (seed * 31 + 11) % 101;
  y[i] = seed - 50;
}
insertion(y);
for (const v of y) console.log(v);
const z: u32[] = [4000000000, 1, 3000000000, 2, 0];
selection(z);
console.log(z[0], z[1], z[2], z[3], z[4]);
//= -8 -3 0 2 2 5 7 9
//= -41
//= -38
//= -24
//= -4
//= 0
//= 17
//= 18
//= 30
//= 38
//= 49
//= 0 1 2 3000000000 4000000000
