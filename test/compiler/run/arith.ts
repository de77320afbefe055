// Integer arithmetic in i32 and i64, with literals typed by context.
// Division is written i32(a / b) so Node (float division) agrees.
let a: i32 = 17;
let b: i32 = 5;
console.log(a + b, a - b, a * b, i32(a / b), a % b);
console.log(i32(-a / b), -a % b, a & b, a | b, a ^ b);
console.log(a << 3, -a >> 2, 1000 >>> 3);
const big: i64 = 3000000000;
console.log(big * 3, i64(big / 7), big % 7, -big);
let c: i64 = 1;
for (let i: i32 = 0; i < 40; i++) c = c * 2;
console.log(c);
//= 22 12 85 3 2
//= -3 -2 1 21 20
//= 136 -5 125
//= 9000000000 428571428 4 -3000000000
//= 1099511627776
