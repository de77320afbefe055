// u64 values below 2^53 behave as in Node.
let a: u64 = 9007199254740991;
let b: u64 = 1;
console.log(a, a - b, a > b, u64(a / 2), a % 10);
let p: u64 = 1;
for (let i: i32 = 0; i < 52; i++) p = p * 2;
console.log(p, p + p - 1);
//= 9007199254740991 9007199254740990 true 4503599627370495 1
//= 4503599627370496 9007199254740991
