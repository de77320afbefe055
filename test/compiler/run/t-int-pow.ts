// Integer ** wraps to its type; the exponent may be any integer type
// (docs/language.md §3.2). In range, the results equal Node's.
const three: i32 = 3;
const e: u8 = 4;
console.log(three ** e, 2 ** 30, (-2) ** 31, three ** 0, (-1) ** 7);
//= 81 1073741824 -2147483648 1 -1
const big: i64 = 3;
console.log(big ** 33, u64(2) ** u64(52), i64(-3) ** 3);
//= 5559060566555523 4503599627370496 -27
let w: i32 = 7;
w **= 2;
console.log(w, i32(7 ** 11) == 1977326743);
//= 49 true
// Wrapping (where Node would grow) is shown through an explicit truncation.
const b8: u8 = 3;
console.log(b8 ** 5, u8(243));
//= 243 243
const K = 2 ** 12;
console.log(K);
//= 4096
