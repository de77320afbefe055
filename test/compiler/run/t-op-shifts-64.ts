// 64-bit shifts use all 64 bits; the count is taken modulo 64.
// node: skip (JavaScript bit operators truncate to 32 bits)
let one: i64 = 1;
console.log(one << 40, one << 63, one << 64, one << 65);
let neg: i64 = -4294967296;
console.log(neg >> 16, neg >>> 32, neg >> 63);
let u: u64 = 18446744073709551615;
console.log(u >> 1, u >> 63, u << 60);
let x: u64 = 0x0123456789abcdef;
console.log(x & 0xffffffff, (x >> 32) & 0xffff, x ^ 0xffffffffffffffff, ~x);
//= 1099511627776 -9223372036854775808 1 2
//= -65536 4294967295 -1
//= 9223372036854775807 1 17293822569102704640
//= 2309737967 17767 18364758544493064720 18364758544493064720
