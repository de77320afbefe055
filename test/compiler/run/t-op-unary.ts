// Unary minus, bitwise not and logical not on integers.
let a: i32 = 42;
let z: i32 = 0;
console.log(-a, - -a, ~a, !a, !z, !!a);
let b: i64 = 5000000000;
console.log(-b, !b);
let c: u8 = 10;
console.log(u8(-c), u8(~c), !c);
if (!z) console.log('zero is false');
if (a) console.log('nonzero is true');
//= -42 42 -43 false true true
//= -5000000000 false
//= 246 245 false
//= zero is false
//= nonzero is true
