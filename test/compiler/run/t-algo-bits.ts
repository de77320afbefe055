// Bit manipulation on u32: popcount, leading/trailing zeros, reverse, power of two.
function popcount(x: u32): i32 {
  let n: i32 = 0;
  while (x != 0) {
    x = u32(x & (x - 1));
    n++;
  }
  return n;
}
function clz(x: u32): i32 {
  if (x == 0) return 32;
  let n: i32 = 0;
  while ((x & 0x80000000) == 0) {
    x = u32(x << 1);
    n++;
  }
  return n;
}
function ctz(x: u32): i32 {
  if (x == 0) return 32;
  let n: i32 = 0;
  while ((x & 1) == 0) {
    x = x >>> 1;
    n++;
  }
  return n;
}
function reverse(x: u32): u32 {
  let r: u32 = 0;
  for (let i: i32 = 0; i < 32; i++) {
    r = u32((r << 1) | (x & 1));
    x = x >>> 1;
  }
  return r;
}
function isPow2(x: u32): bool {
  return x != 0 && (x & (x - 1)) == 0;
}
const vals: u32[] = [0, 1, 2, 255, 256, 0x80000000, 0xffffffff, 0x12345678];
for (const v of vals) console.log(v, popcount(v), clz(v), ctz(v), reverse(v), isPow2(v));
//= 0 0 32 32 0 false
//= 1 1 31 0 2147483648 true
//= 2 1 30 1 1073741824 true
//= 255 8 24 0 4278190080 false
//= 256 1 23 8 8388608 true
//= 2147483648 1 0 31 1 true
//= 4294967295 32 0 0 4294967295 false
//= 305419896 13 3 3 510274632 false
