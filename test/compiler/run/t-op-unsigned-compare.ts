// Unsigned comparison treats the top bit as magnitude.
// node: skip (the values here wrap in tskc only)
let z: u32 = 0;
let m: u32 = z - 1;
console.log(m > z, m > 2147483647, u32(m >> 1) < m);
let a: u8 = 0;
let b: u8 = a - 1;
console.log(b, b > a, b >> 1);
let q: u64 = 0;
let r: u64 = q - 1;
console.log(r > q, r >> 63, r / 2 > 9223372036854775806);
//= true true true
//= 255 true 127
//= true 1 true
