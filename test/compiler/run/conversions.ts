// Explicit conversions: truncation, sign and zero extension.
let big: i32 = 300;
console.log(u8(big), i8(big), u8(-1), i8(200), u16(70000), i16(40000));
let neg: i32 = -5;
console.log(i64(neg), u32(neg), u64(u32(neg)));
let wide: i64 = 5000000000;
console.log(i32(wide), u32(wide));
let flag: bool = true;
console.log(i32(flag) + 1, big as i64, u8(big) as u32);
//= 44 44 255 -56 4464 -25536
//= -5 4294967291 4294967291
//= 705032704 705032704
//= 2 300 44
