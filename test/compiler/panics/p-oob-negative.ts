// A negative index panics too.
function get(a: Int16Array, i: i32): i16 {
  return a[i];
}
const a = new Int16Array(4);
a[0] = -7;
console.log(get(a, 0));
console.log(get(a, -1));
//= -7
// stderr: panic: index out of bounds
// stderr:     at test/compiler/panics/p-oob-negative.ts:3
