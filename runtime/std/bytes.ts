// Byte-string helpers (docs/library.md): tskc strings are UTF-8 bytes
// (docs/language.md §6.2), and these compare, search, split and parse them
// by byte, allocating nothing. A part of a string is a byte range
// [start, end): split and find give ranges, parse takes one.

/** The address of a string's first byte. */
function bytesOf(s: string): usize {
  return changetype<usize>(s) + 8;
}

/** -1, 0 or 1 as `a` sorts before, with or after `b` (bytes compared unsigned; a prefix sorts first). */
export function compareStrings(a: string, b: string): i32 {
  const n = a.length < b.length ? a.length : b.length;
  const c = memcmp(bytesOf(a), bytesOf(b), usize(n));
  if (c != 0) return c;
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The first index ≥ `from` where `needle` occurs in `s`, or -1 (an empty needle is found at `from`). */
export function findString(s: string, needle: string, from: i32): i32 {
  const n = needle.length;
  const p = bytesOf(s);
  const q = bytesOf(needle);
  for (let i = from < 0 ? 0 : from; i + n <= s.length; i++) {
    if (memcmp(p + usize(i), q, usize(n)) == 0) return i;
  }
  return -1;
}

/** The first index ≥ `from` of byte `b` in `s`, or -1. */
export function findByte(s: string, b: u8, from: i32): i32 {
  const p = bytesOf(s);
  for (let i = from < 0 ? 0 : from; i < s.length; i++) if (load<u8>(p + usize(i)) == b) return i;
  return -1;
}

export function startsWith(s: string, prefix: string): bool {
  return prefix.length <= s.length && memcmp(bytesOf(s), bytesOf(prefix), usize(prefix.length)) == 0;
}

export function endsWith(s: string, suffix: string): bool {
  const at = s.length - suffix.length;
  return at >= 0 && memcmp(bytesOf(s) + usize(at), bytesOf(suffix), usize(suffix.length)) == 0;
}

/** Whether s[start, end) has exactly the bytes of `t`. */
export function rangeEquals(s: string, start: i32, end: i32, t: string): bool {
  return end - start == t.length && memcmp(bytesOf(s) + usize(start), bytesOf(t), usize(t.length)) == 0;
}

/**
 * The fields of a string between separator bytes, as byte ranges:
 * `const f = new Fields('a,b,,c', 44); while (f.next()) use(f.start, f.end)`
 * visits 'a', 'b', '', 'c' (like JavaScript's split(','); '' has one empty field).
 */
export class Fields {
  /** The current field: bytes [start, end) of the string. */
  start: i32 = 0;
  end: i32 = -1;
  private done: bool = false;

  constructor(public readonly text: string, public readonly separator: u8) {}

  /** Moves to the next field; false when there is none. */
  next(): bool {
    if (this.done) return false;
    this.start = this.end + 1;
    const at = findByte(this.text, this.separator, this.start);
    this.end = at < 0 ? this.text.length : at;
    if (at < 0) this.done = true;
    return true;
  }
}

/** Why a parse failed (ParsedInt.error). */
export const enum ParseError {
  None = 0,
  /** No digits at all. */
  Empty = 1,
  /** A byte that is not a digit of the base. */
  Invalid = 2,
  /** The value does not fit the type. */
  Overflow = 3,
}

/** The result of parseI64/parseU64 (a caller's object: parsing allocates nothing). */
export class ParsedInt {
  value: i64 = 0;
  error: ParseError = ParseError.None;
}

/** The value of a digit byte in `base`, or -1. */
function digitValue(c: u8, base: u64): i64 {
  const d: i64 = c >= 48 && c <= 57 ? i64(c) - 48 : c >= 97 && c <= 122 ? i64(c) - 87 : c >= 65 && c <= 90 ? i64(c) - 55 : 99;
  return d < i64(base) ? d : -1;
}

/** Whether the `n` bytes at `p` are exactly the bytes of `s`. */
export function bytesEqual(p: usize, n: usize, s: string): bool {
  return n == usize(s.length) && memcmp(p, bytesOf(s), n) == 0;
}

/**
 * Parses the `n` bytes at `p` as an unsigned integer in `base` (2 … 36)
 * into out.value (its u64 bits); false with out.error set on no digits, a
 * bad byte or a value above 2^64 - 1.
 */
export function parseUnsignedAt(p: usize, n: usize, base: u64, out: ParsedInt): bool {
  out.value = 0;
  out.error = n == 0 ? ParseError.Empty : ParseError.None;
  let v: u64 = 0;
  const limit = u64(0xffffffffffffffff) / base;
  for (let i: usize = 0; i < n && out.error == ParseError.None; i++) {
    const d = digitValue(load<u8>(p + i), base);
    if (d < 0) out.error = ParseError.Invalid;
    else if (v > limit || v * base > u64(0xffffffffffffffff) - u64(d)) out.error = ParseError.Overflow;
    else v = v * base + u64(d);
  }
  if (out.error != ParseError.None) return false;
  out.value = i64(v);
  return true;
}

/** Parses the `n` bytes at `p` as a decimal i64 with an optional '-' or '+'; false with out.error set on failure or overflow. */
export function parseSignedAt(p: usize, n: usize, out: ParsedInt): bool {
  const sign = n > 0 ? load<u8>(p) : 0;
  const negative = sign == 45;
  const skip: usize = sign == 45 || sign == 43 ? 1 : 0;
  if (!parseUnsignedAt(p + skip, n - skip, 10, out)) return false;
  const magnitude = u64(out.value);
  if (magnitude > (negative ? u64(0x8000000000000000) : u64(0x7fffffffffffffff))) {
    out.value = 0;
    out.error = ParseError.Overflow;
    return false;
  }
  out.value = negative ? i64(u64(0) - magnitude) : i64(magnitude);
  return true;
}

/** parseUnsignedAt over the bytes s[start, end). */
export function parseU64(s: string, start: i32, end: i32, base: u64, out: ParsedInt): bool {
  return parseUnsignedAt(rangeAt(s, start, end), usize(end - start), base, out);
}

/** parseSignedAt over the bytes s[start, end). */
export function parseI64(s: string, start: i32, end: i32, out: ParsedInt): bool {
  return parseSignedAt(rangeAt(s, start, end), usize(end - start), out);
}

/** The address of s[start], after checking that [start, end) lies in s. */
function rangeAt(s: string, start: i32, end: i32): usize {
  if (start < 0 || end > s.length || start > end) throw new Error('parse: byte range out of bounds');
  return bytesOf(s) + usize(start);
}
