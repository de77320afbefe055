// Adler-32 and a 16-bit Fletcher checksum over strings.
function adler32(s: string): u32 {
  let a: u32 = 1;
  let b: u32 = 0;
  for (let i: i32 = 0; i < s.length; i++) {
    a = (a + u32(s.charCodeAt(i))) % 65521;
    b = (b + a) % 65521;
  }
  return u32((b << 16) | a);
}
function fletcher16(s: string): u16 {
  let a: u16 = 0;
  let b: u16 = 0;
  for (let i: i32 = 0; i < s.length; i++) {
    a = u16((a + u16(s.charCodeAt(i))) % 255);
    b = u16((b + a) % 255);
  }
  return u16((b << 8) | a);
}
console.log(adler32('Wikipedia'), adler32(''), adler32('abcdefghijklmnopqrstuvwxyz'));
console.log(fletcher16('abcde'), fletcher16('abcdef'), fletcher16('abcdefgh'));
//= 300286872 1 2424703776
//= 51440 8279 1575
