// u8: range 0..255; u8(x) keeps the low 8 bits.
let a: u8 = 200;
let b: u8 = 55;
console.log(a + b, a - b, u8(a + b + 1), u8(a * 2), u8(b - a));
let acc: u8 = 0;
for (let i: i32 = 0; i < 20; i++) acc = u8(acc + 37);
console.log(acc);
console.log(u8(256), u8(511), u8(-2), u8(0x1234));
//= 255 145 0 144 111
//= 228
//= 0 255 254 52
