// Parsing hexadecimal and binary strings into u32 and u64, and back to digits.
function parseHex(s: string): u64 {
  let v: u64 = 0;
  for (let i: i32 = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: i32 = 0;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else continue;
    v = v * 16 + u64(d);
  }
  return v;
}
function parseBin(s: string): u32 {
  let v: u32 = 0;
  for (let i: i32 = 0; i < s.length; i++) if (s.charCodeAt(i) == 49 || s.charCodeAt(i) == 48) v = v * 2 + u32(s.charCodeAt(i) - 48);
  return v;
}
function hexDigits(v: u32): i32 {
  let n: i32 = 1;
  while (v >= 16) {
    v = v >>> 4;
    n++;
  }
  return n;
}
console.log(parseHex('ff'), parseHex('DEADbeef'), parseHex('1f_ffff_ffff_ffff'), parseHex(''));
console.log(parseBin('1010'), parseBin('1111 0000'), parseBin('11111111111111111111111111111111'));
console.log(hexDigits(0), hexDigits(15), hexDigits(16), hexDigits(4294967295));
//= 255 3735928559 9007199254740991 0
//= 10 240 4294967295
//= 1 1 2 8
