// FNV-1a 32-bit hashing; the multiply by 16777619 is split so Node stays exact.
function mulFnv(h: u32): u32 {
  // 16777619 = 2^24 + 403
  return u32((h << 24) + h * 403);
}
function fnv1a(s: string): u32 {
  let h: u32 = 2166136261;
  for (let i: i32 = 0; i < s.length; i++) {
    h = u32(h ^ u32(s.charCodeAt(i)));
    h = mulFnv(h);
  }
  return h;
}
console.log(fnv1a(''), fnv1a('a'), fnv1a('foobar'), fnv1a('hello world'));
const buckets = new Int32Array(8);
const keys: string[] = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
for (const k of keys) buckets[fnv1a(k) & 7]++;
for (let i: i32 = 0; i < 8; i++) console.log(i, buckets[i]);
//= 2166136261 3826002220 3214735720 3582672807
//= 0 1
//= 1 1
//= 2 2
//= 3 2
//= 4 0
//= 5 1
//= 6 0
//= 7 3
