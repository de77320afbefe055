function toBase(n: u64, base: u64, out: Uint8Array): i32 {
  let len: i32 = 0;
  do {
    const d = u8(n % base);
    out[len++] = d < 10 ? u8(48 + d) : u8(87 + d);
    n = u64(n / base);
  } while (n > 0);
  for (let i: i32 = 0, j: i32 = len - 1; i < j; i++, j--) {
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return len;
}
function show(n: u64, base: u64): void {
  const buf = new Uint8Array(64);
  const len = toBase(n, base, buf);
  let check: u64 = 0;
  for (let i: i32 = 0; i < len; i++) {
    const c = buf[i];
    const d = c >= 97 ? u64(c - 87) : u64(c - 48);
    check = check * base + d;
  }
  console.log(n, base, len, check == n, buf[0], buf[len - 1]);
}
show(0, 10);
show(255, 16);
show(255, 2);
show(9007199254740991, 36);
show(1234567890, 7);
//= 0 10 1 true 48 48
//= 255 16 2 true 102 102
//= 255 2 8 true 49 49
//= 9007199254740991 36 11 true 50 118
//= 1234567890 7 11 true 52 51
