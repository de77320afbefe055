// /= truncates, as integer division does.
// node: skip (JS divides in floating point; docs/language.md §3.2)
let x: i32 = 1000;
x /= 7;
console.log(x);
x /= -3;
console.log(x);
let u: u8 = 255;
u /= 2;
console.log(u);
let l: i64 = -9000000000;
l /= 1000;
console.log(l);
//= 142
//= -47
//= 127
//= -9000000
