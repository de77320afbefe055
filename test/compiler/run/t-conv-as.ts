// 'as' is allowed for widening that keeps every value, and for fitting literals.
let a: u8 = 250;
let b: i16 = -300;
let c: u32 = 4000000000;
let d: i32 = -123456;
const x = a as u32;
const y = b as i64;
const z = c as i64;
const w = d as i64;
console.log(x + 10, y - 1, z + 1, w * 2);
console.log(a as u16, a as i32, b as i32, c as u64);
const lit = 255 as u8;
console.log(lit, (7 as i64) * 1000000000);
//= 260 -301 4000000001 -246912
//= 250 250 -300 4000000000
//= 255 7000000000
