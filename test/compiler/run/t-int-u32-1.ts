// u32: values above 2^31 and wrap-around written with u32(...).
let big: u32 = 4294967295;
let one: u32 = 1;
console.log(big, u32(big + one), u32(one - 2), big - one, big > one);
let x: u32 = 3000000000;
console.log(x, x + 1000000000, u32(x + x), x >>> 1, u32(x << 1));
let s: u32 = 0;
for (let i: u32 = 0; i < 100; i++) s = u32(s + i * 50000000);
console.log(s);
//= 4294967295 0 4294967295 4294967294 true
//= 3000000000 4000000000 1705032704 1500000000 1705032704
//= 2686864128
