// Unsigned division and remainder of large u32 and u64 values.
let a: u32 = 4294967295;
let b: u32 = 10;
console.log(u32(a / b), a % b, u32(a / 65536), a % 65536);
let c: u64 = 9000000000000000;
console.log(u64(c / 7), c % 7, u64(c / 1000000007), c % 1000000007);
let d: u8 = 250;
let e: u8 = 7;
console.log(u8(d / e), d % e);
//= 429496729 5 65535 65535
//= 1285714285714285 5 8999999 937000007
//= 35 5
