// An index out of bounds panics with the location; unchecked() skips the check.
const xs = new Int32Array(4);
xs[3] = 7;
console.log(unchecked(xs[3]), xs.length);
let i: i32 = 4;
console.log(xs[i]);
//= 7 4
// stderr: panic: index out of bounds
// stderr:     at test/compiler/panics/bounds.ts:6
