// Mutable globals of several types, changed by functions.
let count: i32 = 0;
let total: i64 = 0;
let last: string = 'none';
let on: bool = false;
let small: u8 = 250;
function add(v: i32, name: string): void {
  count++;
  total += i64(v);
  last = name;
  on = !on;
  small = u8(small + 3);
}
add(5, 'five');
add(1000000, 'million');
console.log(count, total, last, on, small);
add(-20, 'minus');
console.log(count, total, last, on, small);
//= 2 1000005 million false 0
//= 3 999985 minus true 3
