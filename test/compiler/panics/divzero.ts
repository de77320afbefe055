// Integer division by zero panics with the location instead of a signal.
function ratio(a: i32, b: i32): i32 {
  return a / b;
}
console.log(ratio(10, 2));
console.log(ratio(1, 0));
//= 5
// stderr: panic: division by zero
// stderr:     at test/compiler/panics/divzero.ts:3
