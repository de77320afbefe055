// The comma operator and nested conditional expressions.
let a: i32 = 0;
let b: i32 = 0;
const c = ((a = 3), (b = a * 2), a + b);
console.log(a, b, c);
function clamp(x: i32, lo: i32, hi: i32): i32 {
  return x < lo ? lo : x > hi ? hi : x;
}
function kind(n: i32): string {
  return n < 0 ? 'neg' : n == 0 ? 'zero' : n < 10 ? 'small' : n < 100 ? 'medium' : 'large';
}
console.log(clamp(-5, 0, 10), clamp(5, 0, 10), clamp(50, 0, 10));
console.log(kind(-1), kind(0), kind(7), kind(42), kind(1000));
let i: i32 = 0;
let j: i32 = 10;
while ((i++, j--, i < j)) {}
console.log(i, j);
const pick: i64 = a > 2 ? 5000000000 : -1;
console.log(pick);
//= 3 6 9
//= 0 5 10
//= neg zero small medium large
//= 5 5
//= 5000000000
