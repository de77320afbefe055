// A literal takes the expected type; without one it is i32, or i64 when too big.
let small: u8 = 255;
const untyped = 7;
const huge: i64 = 5000000000;
let sum: i64 = huge + 1;
function take16(x: u16): u16 {
  return x;
}
console.log(small, untyped, huge, sum, take16(65535));
let k: i64 = 3;
console.log(k * 4000000000, k - 10);
let neg = -2147483648;
console.log(5000000000, -5000000000, 9007199254740991);
console.log(neg, neg + 1);
//= 255 7 5000000000 5000000001 65535
//= 12000000000 -7
//= 5000000000 -5000000000 9007199254740991
//= -2147483648 -2147483647
