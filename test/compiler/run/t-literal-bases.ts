// Decimal, hex, octal and binary literals with separators.
const a: i32 = 0xff;
const b: i32 = 0o17;
const c: i32 = 0b1010_1010;
const d: i32 = 1_000_000;
const e: u32 = 0xdead_beef;
const f: i64 = 0x1f_ffff_ffff_ffff;
console.log(a, b, c, d, e, f);
console.log(0x7fffffff, 0b1, 0o777, 1_2_3);
//= 255 15 170 1000000 3735928559 9007199254740991
//= 2147483647 1 511 123
