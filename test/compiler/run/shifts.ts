// >> is arithmetic on signed types and logical on unsigned ones; sub-word
// results wrap to their width.
// node: skip (JS >> always works on int32; docs/language.md §3.2)
let u: u32 = 4000000000;
let s: i32 = -64;
console.log(u >> 4, s >> 2, s >>> 28);
let b: u8 = 200;
console.log(b << 1, b >> 1);
let sb: i8 = -128;
console.log(sb >> 1, sb >>> 1, sb << 1);
let l: i64 = -1;
console.log(l >>> 60, l << 63);
//= 250000000 -16 15
//= 144 100
//= -64 64 0
//= 15 -9223372036854775808
