// console.log formatting: many arguments, negatives, bools, empty strings.
console.log(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
console.log(-1, 0, -2147483648, 2147483647, -9007199254740991);
console.log(true, false, true && false, !false);
console.log('', '', '');
console.log('a', '', 'b');
console.log('x', 1, true, 'y', -2, false, '', 3);
let u: u8 = 255;
let s: i8 = -128;
let w: u16 = 65535;
let h: i16 = -32768;
console.log(u, s, w, h);
let big: u64 = 9007199254740991;
let neg: i64 = -9007199254740991;
console.log(big, neg, big - 1, neg + 1);
//= 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16
//= -1 0 -2147483648 2147483647 -9007199254740991
//= true false false true
//=   
//= a  b
//= x 1 true y -2 false  3
//= 255 -128 65535 -32768
//= 9007199254740991 -9007199254740991 9007199254740990 -9007199254740990
