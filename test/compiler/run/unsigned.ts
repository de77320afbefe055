// Unsigned types: comparisons and >>> agree with Node for values in range.
let x: u32 = 4000000000;
let y: u32 = 3;
console.log(u32(x / y), x % y, x > y, x >>> 4);
let m: u64 = 18000000000;
console.log(u64(m / 1000), m > 5);
let small: u8 = 200;
let other: u8 = 100;
console.log(small > other, small - other);
//= 1333333333 1 true 250000000
//= 18000000 true
//= true 100
