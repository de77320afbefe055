// Default parameter values, evaluated by the caller when an argument is left out.
const BASE: i32 = 100;
let calls: i32 = 0;
function next(): i32 {
  calls++;
  return calls;
}
function add(a: i32, b: i32 = 1, c: i32 = BASE * 2): i32 {
  return a + b + c;
}
function tag(x: i32 = next()): i32 {
  return x;
}
console.log(add(1), add(1, 2), add(1, 2, 3));
console.log(tag(), tag(), tag(50), calls);
//= 202 203 6
//= 1 2 50 2
