// Widening sign-extends signed sources and zero-extends unsigned ones.
let s: i8 = -3;
let u: u8 = 253;
console.log(i32(s), i32(u), i64(s), u16(u), i16(s), u32(u));
let s16: i16 = -30000;
let u16v: u16 = 40000;
console.log(i32(s16), i64(u16v), u32(u16v), i32(u16v));
let s32: i32 = -7;
let u32v: u32 = 4000000000;
console.log(i64(s32), i64(u32v), u64(u32v), isize(s32), usize(u32v));
//= -3 253 -3 253 -3 253
//= -30000 40000 40000 40000
//= -7 4000000000 4000000000 -7 4000000000
