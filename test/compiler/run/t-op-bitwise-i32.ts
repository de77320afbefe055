// & | ^ ~ on i32, including negative values.
let a: i32 = 0x0f0f;
let b: i32 = 0x00ff;
console.log(a & b, a | b, a ^ b, ~a, ~b & 0xffff);
let n: i32 = -1;
console.log(n & 0xff, n | 0, n ^ 0x7fffffff, ~n);
let m: i32 = -123456;
console.log(m & 0xffff, m | 1, m ^ m, ~m, ~~m);
//= 15 4095 4080 -3856 65280
//= 255 -1 -2147483648 0
//= 7616 -123455 0 123455 -123456
