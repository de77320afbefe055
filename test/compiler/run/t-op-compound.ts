// Compound assignment operators.
let x: i32 = 100;
x += 5;
console.log(x);
x -= 20;
console.log(x);
x *= 3;
console.log(x);
x %= 47;
console.log(x);
x <<= 4;
console.log(x);
x >>= 2;
console.log(x);
x &= 0x3c;
console.log(x);
x |= 0x101;
console.log(x);
x ^= 0xff;
console.log(x);
let u: u32 = 0xffff0000;
u >>>= 8;
console.log(u);
let n: i32 = -256;
n >>= 4;
console.log(n);
//= 105
//= 85
//= 255
//= 20
//= 320
//= 80
//= 16
//= 273
//= 494
//= 16776960
//= -16
