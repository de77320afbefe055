// A Caesar cipher and ROT13 over strings into byte arrays, compared with ===-free checks.
function shift(s: string, k: i32): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i: i32 = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out[i] = u8(97 + ((c - 97 + k) % 26));
    else if (c >= 65 && c <= 90) out[i] = u8(65 + ((c - 65 + k) % 26));
    else out[i] = u8(c);
  }
  return out;
}
function sameAs(b: Uint8Array, s: string): bool {
  if (b.length != s.length) return false;
  for (let i: i32 = 0; i < b.length; i++) if (i32(b[i]) != s.charCodeAt(i)) return false;
  return true;
}
const r = shift('Hello, World', 13);
console.log(sameAs(r, 'Uryyb, Jbeyq'), sameAs(shift('abcxyz', 3), 'defabc'), sameAs(r, 'Hello, World'));
let sum: i32 = 0;
for (const b of r) sum += i32(b);
console.log(sum, r[0], r[7]);
//= true true false
//= 1122 85 74
