// Constant globals fold through operators, enums and other constants.
const KB: i32 = 1024;
const MB: i32 = KB * KB;
const PAGES: i32 = (64 * MB) >> 12;
const MASK: u32 = 0xffffffff;
const HALF: u32 = MASK >>> 1;
const BIG: i64 = 1 << 20;
const WIDE: i64 = 3000000000 * 2;
const NEG: i32 = -(KB - 1);
const FLAG: bool = KB > 1000;
const NAME = 'const';
console.log(KB, MB, PAGES, MASK, HALF, BIG, WIDE, NEG, FLAG, NAME);
function usesConst(x: i32): i32 {
  return x * PAGES + NEG;
}
console.log(usesConst(2));
//= 1024 1048576 16384 4294967295 2147483647 1048576 6000000000 -1023 true const
//= 31745
