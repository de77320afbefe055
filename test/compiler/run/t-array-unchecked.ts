// unchecked(a[i]) reads without the bounds check, in range.
function dot(a: Int32Array, b: Int32Array): i64 {
  let s: i64 = 0;
  for (let i: i32 = 0; i < a.length; i++) s += i64(unchecked(a[i])) * i64(unchecked(b[i]));
  return s;
}
const a = new Int32Array(100);
const b = new Int32Array(100);
for (let i: i32 = 0; i < 100; i++) {
  a[i] = i;
  b[i] = 100000 - i;
}
console.log(dot(a, b), unchecked(a[99]), unchecked(b[0]));
//= 494671650 99 100000
