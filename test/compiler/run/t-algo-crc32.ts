// CRC-32 (IEEE) with a table of u32 and >>>.
const table = new Uint32Array(256);
for (let n: u32 = 0; n < 256; n++) {
  let c: u32 = n;
  for (let k: i32 = 0; k < 8; k++) c = (c & 1) != 0 ? u32(0xedb88320 ^ (c >>> 1)) : c >>> 1;
  table[n] = c;
}
function crc32(s: string): u32 {
  let crc: u32 = 0xffffffff;
  for (let i: i32 = 0; i < s.length; i++) crc = u32(table[(crc ^ u32(s.charCodeAt(i))) & 0xff] ^ (crc >>> 8));
  return u32(crc ^ 0xffffffff);
}
console.log(table[1], table[128], table[255]);
console.log(crc32(''), crc32('a'), crc32('123456789'), crc32('The quick brown fox jumps over the lazy dog'));
//= 1996959894 3988292384 755167117
//= 0 3904355907 3421780262 1095738169
