// An untyped constant argument keeps its own value before converting.
console.log(u8(-1), i8(255), u16(-1), i16(65535), u32(-1), i32(4294967295));
console.log(u8(256 + 7), i8(-129), u32(4294967296 + 3));
console.log(i32(true), u8(false));
//= 255 -1 65535 -1 4294967295 -1
//= 7 127 3
//= 1 0
