// Without conversions, results wrap to the operand width (two's complement).
// node: skip (overflow grows in JS; docs/language.md §3.2)
let a: u8 = 200;
let b: u8 = 100;
console.log(a + b, b - a, a * 2);
let c: i8 = 127;
c++;
console.log(c);
let d: i16 = -32768;
d--;
console.log(d, d * 2);
let e: i32 = 2147483647;
console.log(e + 1, e * e);
let f: u32 = 65536;
console.log(f * f, f * f - 1);
let g: i64 = 9223372036854775807;
console.log(g + 1, g * 2);
let h: u16 = 0;
h -= 1;
console.log(h, h + 2);
//= 44 156 144
//= -128
//= 32767 -2
//= -2147483648 1
//= 0 4294967295
//= -9223372036854775808 -2
//= 65535 1
