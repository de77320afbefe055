// An array with a negative length panics where it is made.
function make(n: i32): Int32Array {
  return new Int32Array(n);
}
console.log(make(3).length);
const bad = make(2 - 5);
console.log(bad.length);
//= 3
// stderr: panic: invalid array length
// stderr:     at test/compiler/panics/p-negative-length.ts:3
