// Reinterpreting between signed and unsigned of the same width.
let a: u8 = 200;
let b: i8 = i8(a);
let c: u8 = u8(b);
console.log(a, b, c);
let d: u16 = 65535;
console.log(i16(d), u16(i16(d)));
let e: i32 = -2;
console.log(u32(e), i32(u32(e)));
let f: u32 = 2147483648;
console.log(i32(f), u32(i32(f)));
//= 200 -56 200
//= -1 65535
//= 4294967294 -2
//= -2147483648 2147483648
