// Network byte order and the Internet checksum (RFC 1071) over raw bytes.
// Every wire view (ethernet.ts … tcpwire.ts) reads and writes its fields
// through these, after it has checked that the field lies inside its
// buffer; nothing here checks ranges.

/** The big-endian u16 at `a`. */
export function getBe16(a: usize): u16 {
  return u16((u32(load<u8>(a)) << 8) | u32(load<u8>(a + 1)));
}

/** The big-endian u32 at `a`. */
export function getBe32(a: usize): u32 {
  return (u32(load<u8>(a)) << 24) | (u32(load<u8>(a + 1)) << 16) | (u32(load<u8>(a + 2)) << 8) | u32(load<u8>(a + 3));
}

export function putBe16(a: usize, v: u16): void {
  store<u8>(a, u8(v >> 8));
  store<u8>(a + 1, u8(v));
}

export function putBe32(a: usize, v: u32): void {
  store<u8>(a, u8(v >> 24));
  store<u8>(a + 1, u8(v >> 16));
  store<u8>(a + 2, u8(v >> 8));
  store<u8>(a + 3, u8(v));
}

/** Adds the 16-bit big-endian words of `n` bytes at `a` to `sum` (an odd last byte is padded with zero). */
export function sumWords(sum: u32, a: usize, n: usize): u32 {
  let s = u64(sum);
  let i: usize = 0;
  while (i + 1 < n) {
    s += u64(getBe16(a + i));
    i += 2;
  }
  if (i < n) s += u64(load<u8>(a + i)) << 8;
  while ((s >> 16) != 0) s = (s & 0xffff) + (s >> 16);
  return u32(s);
}

/** The one's-complement checksum field for a running sum (0 stays 0xffff-complemented to 0). */
export function checksumOf(sum: u32): u16 {
  let s = sum;
  while ((s >> 16) != 0) s = (s & 0xffff) + (s >> 16);
  return u16(~s & 0xffff);
}

/** The sum of a TCP/UDP pseudo header: addresses, protocol and the segment's length. */
export function pseudoSum(src: u32, dst: u32, proto: u8, len: u32): u32 {
  let s: u32 = (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) + u32(proto) + len;
  while ((s >> 16) != 0) s = (s & 0xffff) + (s >> 16);
  return s;
}
