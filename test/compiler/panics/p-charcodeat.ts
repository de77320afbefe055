// charCodeAt past the end of a string panics like an array index.
const s = 'abc';
let sum: i32 = 0;
for (let i: i32 = 0; i < 5; i++) {
  sum += s.charCodeAt(i);
  console.log(sum);
}
//= 97
//= 195
//= 294
// stderr: panic: index out of bounds
// stderr:     at test/compiler/panics/p-charcodeat.ts:5
