// Narrowing conversions keep the low bits.
let x: i32 = 0x12345678;
console.log(u8(x), i8(x), u16(x), i16(x));
let y: i32 = -1;
console.log(u8(y), i8(y), u16(y), i16(y), u32(y));
let big: i64 = 0x123456789a;
console.log(i32(big), u32(big), u16(big), u8(big));
let ub: u64 = 4294967296 + 5;
console.log(u32(ub), i32(ub), u8(ub));
//= 120 120 22136 22136
//= 255 -1 65535 -1 4294967295
//= 878082202 878082202 30874 154
//= 5 5 5
