// Comparisons on signed and unsigned values of several widths.
let a: i32 = -5;
let b: i32 = 3;
console.log(a < b, a <= b, a > b, a >= b, a == b, a != b);
let u: u32 = 4000000000;
let v: u32 = 5;
console.log(u < v, u > v, u >= 4000000000, u <= 3999999999);
let s8: i8 = -1;
let t8: i8 = 1;
console.log(s8 < t8, s8 == -1, t8 >= 1);
let w8: u8 = 255;
console.log(w8 > 1, w8 == 255, w8 != 0);
let l: i64 = -4000000000;
console.log(l < 0, l > -5000000000, l == -4000000000);
let ul: u64 = 5000000000;
console.log(ul > 4999999999, ul < 5000000001);
//= true true false false false true
//= false true true false
//= true true true
//= true true true
//= true true true
//= true true
