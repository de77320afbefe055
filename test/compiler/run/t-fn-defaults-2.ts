// Default parameters: strings, bools, globals read at call time, and calls in order.
let scale: i32 = 2;
let order: i32 = 0;
function stamp(): i32 {
  order = order * 10 + 1;
  return order;
}
function stamp2(): i32 {
  order = order * 10 + 2;
  return order;
}
function fmt(v: i32, label: string = 'value', loud: bool = false, mul: i32 = scale): void {
  console.log(label, v * mul, loud);
}
function both(a: i32 = stamp(), b: i32 = stamp2()): i32 {
  return a + b;
}
fmt(5);
fmt(5, 'five');
scale = 10;
fmt(5, 'five', true);
fmt(5, 'five', true, 1);
console.log(both(), order);
console.log(both(1), order);
console.log(both(1, 2), order);
//= value 10 false
//= five 10 false
//= five 50 true
//= five 5 true
//= 13 12
//= 123 122
//= 3 122
