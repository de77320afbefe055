// Bit operations on u8, i8, u16 and i16.
let a: u8 = 0xa5;
let b: u8 = 0x3c;
console.log(a & b, a | b, a ^ b, u8(~a), u8(a << 2), a >> 3);
let s: i8 = -0x5b;
console.log(s & 0x7f, s | 1, i8(s ^ 0x0f), i8(~s), s >> 2);
let w: u16 = 0xbeef;
console.log(w & 0xff, w >> 8, u16(w << 4), u16(~w));
let v: i16 = -2;
console.log(v & 0xff, v >> 1, i16(v << 14));
//= 36 189 153 90 148 20
//= 37 -91 -86 90 -23
//= 239 190 61168 16656
//= 254 -1 -32768
