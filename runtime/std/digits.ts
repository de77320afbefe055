// The digit code of every integer printer (docs/library.md): console.log
// (runtime/process/console.ts), the kernel's printers (kernel/lib/fmt.ts)
// and the text builder (runtime/std/text.ts). formatUnsigned writes into
// memory (backwards, by the base, which is a constant after inlining);
// a printer to a byte sink takes the digits most significant first by the
// place value of each (leadingPlace), so it needs no scratch buffer.

/** The place value of v's first digit in `base` (2 … 16): the largest power of base ≤ v, 1 for v < base. */
export function leadingPlace(v: u64, base: u64): u64 {
  let place: u64 = 1;
  while (v / place >= base) place *= base; // place * base <= v, so this never overflows
  return place;
}

/** The number of digits of v in `base` (at least 1). */
export function digitCount(v: u64, base: u64): i32 {
  let n: i32 = 1;
  for (let t = v; t >= base; t /= base) n++;
  return n;
}

/** The ASCII character of digit d (0 … 15): '0' … '9', 'a' … 'f'. */
export function digitChar(d: u64): u8 {
  return d < 10 ? u8(d) + 48 : u8(d) + 87;
}

/**
 * Writes v in `base`, zero-padded to at least `minDigits` digits, to the
 * `room` bytes at `out`; returns the length of the whole text, which is
 * more than `room` when it was cut short (only its first `room` bytes written).
 */
export function formatUnsigned(v: u64, base: u64, minDigits: i32, out: usize, room: i32): i32 {
  const digits = digitCount(v, base);
  const pad = minDigits > digits ? minDigits - digits : 0;
  for (let i: i32 = 0; i < pad && i < room; i++) store<u8>(out + usize(i), 48);
  // The digits that fit, written backwards from the last one kept.
  const keep = pad + digits <= room ? digits : room - pad;
  let x = v;
  for (let i = keep; i < digits; i++) x /= base;
  for (let i = pad + keep - 1; i >= pad; i--) {
    store<u8>(out + usize(i), digitChar(x % base));
    x /= base;
  }
  return pad + digits;
}

/** formatUnsigned in decimal for a signed value, with '-' first when negative (the most negative i64 included). */
export function formatSigned(v: i64, out: usize, room: i32): i32 {
  if (v >= 0) return formatUnsigned(u64(v), 10, 1, out, room);
  if (room > 0) store<u8>(out, 45);
  // 0 - v wraps for the most negative value, whose u64 reading is right.
  return 1 + formatUnsigned(u64(0) - u64(v), 10, 1, out + 1, room > 0 ? room - 1 : 0);
}
