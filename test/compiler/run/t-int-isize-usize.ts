// isize and usize are 64-bit; addresses are usize.
let a: isize = -5000000000;
let b: usize = 5000000000;
console.log(a, b, a + 1, b - 1, isize(b) + a, usize(a + 10000000000));
let w: usize = 8;
let n: usize = 0;
for (let i: usize = 0; i < 10; i++) n += i * w;
console.log(n, i32(n), u8(n));
//= -5000000000 5000000000 -4999999999 4999999999 0 5000000000
//= 360 360 104
