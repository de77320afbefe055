// i8: range -128..127; i8(x) truncates to the low 8 bits and sign-extends.
let a: i8 = 100;
let b: i8 = 27;
console.log(a + b, a - b, -a, i8(a + b + 1), i8(a * 2));
let lo: i8 = -128;
let hi: i8 = 127;
console.log(lo, hi, i8(hi + 1), i8(lo - 1), i8(lo * -1));
let s: i32 = 0;
for (let i: i32 = 0; i < 300; i++) s += i32(i8(i));
console.log(s);
//= 127 73 -100 -128 -56
//= -128 127 -128 127 -128
//= 818
