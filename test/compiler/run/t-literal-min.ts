// The smallest value of each signed type is a valid literal.
let a: i8 = -128;
let b: i16 = -32768;
let c: i32 = -2147483648;
let d: i64 = -9007199254740991;
console.log(a, b, c, d);
let e: u8 = 0;
let f: u32 = 4294967295;
console.log(e, f, a < 0, c < i32(b));
//= -128 -32768 -2147483648 -9007199254740991
//= 0 4294967295 true true
