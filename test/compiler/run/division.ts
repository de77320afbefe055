// Integer division truncates toward zero; remainder takes the dividend's sign.
// node: skip (JS divides in floating point; docs/language.md §3.2)
let a: i32 = -7;
let b: i32 = 2;
console.log(a / b, a % b, 7 / 2, -7 / -2);
let u: u32 = 4000000000;
console.log(u / 3, u % 7);
let w: i64 = -9000000000;
console.log(w / 4, w % 4);
//= -3 -1 3 3
//= 1333333333 3
//= -2250000000 0
