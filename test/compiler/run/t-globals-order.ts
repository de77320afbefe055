// Globals initialised by code run in statement order, interleaved with other statements.
let trace: i32 = 0;
function step(n: i32): i32 {
  trace = trace * 10 + n;
  return trace;
}
const first: i32 = step(1);
console.log('after first', first, trace);
let second: i32 = step(2);
const third = step(3) + first;
console.log(first, second, third, trace);
second = step(4);
console.log(second, trace);
//= after first 1 1
//= 1 12 124 123
//= 1234 1234
