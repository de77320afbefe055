// Text output without allocation, for any byte sink: strings, and integers
// in decimal and hexadecimal. The console prints through these with its
// consolePutByte, the kernel's panic report with its polled COM1 writer, and
// the host tests with a stdout writer; the digit code is the library's
// (runtime/std/digits.ts), shared with console.log and the text builder.
// No buffers: digits are produced most significant first, so the printers
// are reentrant (a panic in the middle of a print can print too).

import { digitChar, digitCount, leadingPlace } from 'tskc:digits';

/** Where formatted bytes go, one at a time. */
export type ByteSink = (b: u8) => void;

/** Writes the bytes of `s`. */
export function writeString(s: string, put: ByteSink): void {
  const bytes = changetype<usize>(s) + 8;
  const n = usize(s.length);
  for (let i: usize = 0; i < n; i++) put(load<u8>(bytes + i));
}

/** Writes `v` in `base` (2 … 16, lower-case digits), at least `minDigits` digits (zero-padded). */
export function writeUnsigned(v: u64, base: u64, minDigits: i32, put: ByteSink): void {
  for (let i = digitCount(v, base); i < minDigits; i++) put(48);
  for (let place = leadingPlace(v, base); place > 0; place /= base) put(digitChar((v / place) % base));
}

/** Writes `v` in decimal, with a '-' if negative (the most negative i64 included). */
export function writeSigned(v: i64, put: ByteSink): void {
  if (v < 0) {
    put(45);
    writeUnsigned(u64(0) - u64(v), 10, 1, put);
  } else {
    writeUnsigned(u64(v), 10, 1, put);
  }
}

/** Writes `v` as `0x` and at least `minDigits` hex digits. */
export function writeHex(v: u64, minDigits: i32, put: ByteSink): void {
  put(48);
  put(120);
  writeUnsigned(v, 16, minDigits, put);
}
