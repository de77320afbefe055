// Byte-string helpers for user programs, which have no string allocation:
// text is a (pointer, length) pair into a buffer, compared with literals and
// read as numbers in place.

/** Whether the `len` bytes at `p` are exactly the bytes of `s`. */
export function bytesEqual(p: usize, len: usize, s: string): bool {
  if (len != usize(s.length)) return false;
  return memcmp(p, changetype<usize>(s) + 8, len) == 0;
}

/** The length of the NUL-terminated text at `p`. */
export function cstrLength(p: usize): usize {
  let n: usize = 0;
  while (load<u8>(p + n) != 0) n++;
  return n;
}

/** The decimal number the `len` bytes at `p` spell (digits only, at most 18), or -1. */
export function parseDecimal(p: usize, len: usize): i64 {
  if (len == 0 || len > 18) return -1;
  let v: i64 = 0;
  for (let i: usize = 0; i < len; i++) {
    const c = load<u8>(p + i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + i64(c - 48);
  }
  return v;
}

/** The index of the first byte at or after `from` (below `end`) that is not a space. */
export function skipSpaces(p: usize, from: usize, end: usize): usize {
  let i = from;
  while (i < end && load<u8>(p + i) == 32) i++;
  return i;
}

/** The index of the first space at or after `from`, or `end`. */
export function wordEnd(p: usize, from: usize, end: usize): usize {
  let i = from;
  while (i < end && load<u8>(p + i) != 32) i++;
  return i;
}
