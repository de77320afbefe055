// `import { TextBuilder } from 'tskc:text'`: text into a byte buffer the
// caller provides, with no allocation (docs/library.md). What does not fit
// is dropped and reported (`truncated`); the text that fits is always a
// prefix of the whole. Floats are in 'tskc:textfloat' (process targets),
// so this file compiles for the kernel too. Byte-string helpers: bytes.ts.

import { formatSigned, formatUnsigned } from './digits';

export class TextBuilder {
  /** Bytes written so far (at most the capacity). */
  length: i32 = 0;
  /** Whether some text did not fit. */
  truncated: bool = false;

  /** Writes into the `capacity` bytes at `buffer`, which the caller owns. */
  constructor(public readonly buffer: usize, public readonly capacity: i32) {}

  /** Bytes still free. */
  get room(): i32 {
    return this.capacity - this.length;
  }

  /** Starts over (the buffer is reused). */
  reset(): void {
    this.length = 0;
    this.truncated = false;
  }

  /** One byte. */
  byte(b: u8): TextBuilder {
    if (this.length < this.capacity) {
      store<u8>(this.buffer + usize(this.length), b);
      this.length++;
    } else this.truncated = true;
    return this;
  }

  /** The n bytes at p. */
  bytes(p: usize, n: i32): TextBuilder {
    const fit = n <= this.room ? n : this.room;
    memcpy(this.buffer + usize(this.length), p, usize(fit));
    this.length += fit;
    if (fit < n) this.truncated = true;
    return this;
  }

  /** The bytes of a string. */
  str(s: string): TextBuilder {
    return this.bytes(changetype<usize>(s) + 8, s.length);
  }

  /** A signed integer in decimal. */
  int(v: i64): TextBuilder {
    return this.advance(formatSigned(v, this.end(), this.room));
  }

  /** An unsigned integer in decimal. */
  uint(v: u64): TextBuilder {
    return this.advance(formatUnsigned(v, 10, 1, this.end(), this.room));
  }

  /** An unsigned integer in `base` (2 … 16, lower-case), zero-padded to `minDigits`. */
  radix(v: u64, base: u64, minDigits: i32): TextBuilder {
    if (base < 2 || base > 16) throw new Error('TextBuilder.radix: base must be 2 … 16');
    return this.advance(formatUnsigned(v, base, minDigits, this.end(), this.room));
  }

  /** `0x` and at least `minDigits` hex digits. */
  hex(v: u64, minDigits: i32): TextBuilder {
    return this.str('0x').radix(v, 16, minDigits);
  }

  bool(b: bool): TextBuilder {
    return this.str(b ? 'true' : 'false');
  }

  /**
   * A template literal's pieces (`b.template(\`pid=${pid}\`)`, docs/language.md
   * §6.2), printed as console.log prints them. A float piece panics here:
   * use writeTemplate from 'tskc:textfloat'.
   */
  template(t: Template): TextBuilder {
    const n = Template.count(t);
    for (let i = 0; i < n; i++) {
      if (!this.piece(t, i)) throw new Error("TextBuilder.template: a float piece; use writeTemplate from 'tskc:textfloat'");
    }
    return this;
  }

  /** Piece i of a template, unless it is a float (then false, nothing written). */
  piece(t: Template, i: i32): bool {
    const k = Template.kind(t, i);
    if (k == TemplatePiece.Str) this.str(Template.str(t, i));
    else if (k == TemplatePiece.Int) this.int(Template.int(t, i));
    else if (k == TemplatePiece.Uint) this.uint(Template.uint(t, i));
    else if (k == TemplatePiece.Bool) this.bool(Template.bool(t, i));
    else return false;
    return true;
  }

  /** Whether the text so far equals `s`. */
  equals(s: string): bool {
    return s.length == this.length && memcmp(changetype<usize>(s) + 8, this.buffer, usize(this.length)) == 0;
  }

  private end(): usize {
    return this.buffer + usize(this.length);
  }

  /** Counts `n` bytes a formatter wanted to write (it wrote only those that fit). */
  private advance(n: i32): TextBuilder {
    if (n > this.room) {
      this.length = this.capacity;
      this.truncated = true;
    } else this.length += n;
    return this;
  }
}

export { bytesEqual, compareStrings, endsWith, Fields, findByte, findString, ParsedInt, ParseError, parseI64, parseSignedAt, parseU64, parseUnsignedAt, rangeEquals, startsWith } from './bytes';
