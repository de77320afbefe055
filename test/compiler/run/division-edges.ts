// The one overflowing signed quotient wraps instead of trapping; evaluation
// order of console.log arguments matches Node.
// node: skip (MIN / -1 wraps in tskc; JS gives 2147483648)
function div(a: i32, b: i32): i32 {
  return a / b;
}
function rem(a: i32, b: i32): i32 {
  return a % b;
}
function div64(a: i64, b: i64): i64 {
  return a / b;
}
const MIN: i32 = -2147483648;
console.log(div(MIN, -1), rem(MIN, -1), div(-7, -1), rem(7, -1));
console.log(div64(-9223372036854775808, -1), div64(10, -1));
function noisy(): i32 {
  console.log('inner');
  return 3;
}
console.log('outer', noisy());
//= -2147483648 0 7 0
//= -9223372036854775808 -10
//= inner
//= outer 3
