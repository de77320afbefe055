// Byte-string helpers for user programs, which have no string allocation:
// text is a (pointer, length) pair into a buffer, compared with literals and
// read as numbers in place, by the standard library's 'tskc:text'.

import { ParsedInt, parseUnsignedAt } from 'tskc:text';

export { bytesEqual } from 'tskc:text';

/** The length of the NUL-terminated text at `p`. */
export function cstrLength(p: usize): usize {
  let n: usize = 0;
  while (load<u8>(p + n) != 0) n++;
  return n;
}

const parsed = new ParsedInt();

/** The decimal number the `len` bytes at `p` spell (digits only, up to 2^63 - 1), or -1. */
export function parseDecimal(p: usize, len: usize): i64 {
  return parseUnsignedAt(p, len, 10, parsed) && parsed.value >= 0 ? parsed.value : -1;
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
