// Shifts: << and >> on i32, >>> on u32; counts are taken modulo 32.
let one: i32 = 1;
console.log(one << 0, one << 10, one << 30, i32(one << 31), one << 32, one << 33);
let neg: i32 = -1024;
console.log(neg >> 1, neg >> 10, neg >> 31, neg >> 32);
let u: u32 = 0x80000000;
console.log(u >>> 1, u >>> 31, u >>> 32, u >>> 35);
let cnt: u8 = 4;
console.log(one << cnt, neg >> cnt);
//= 1 1024 1073741824 -2147483648 1 2
//= -512 -1 -1 -1024
//= 1073741824 1 2147483648 268435456
//= 16 -64
