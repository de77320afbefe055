// TextBuilder and the integer parsers of 'tskc:text' on the linux target
// against JavaScript's BigInt formatting and parsing: random 64-bit values in
// bases 2 … 16 with zero padding, into buffers of random capacity (the text
// kept must be a prefix of the whole, and truncation reported exactly when
// something was dropped); and parsing what was built, digits and junk
// bytes mixed, with overflow detected at exactly 2^63 / 2^64.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibraryProgram, expectModel, randomInts, type ModelCase, type Op } from './ops.js';

const U64 = (1n << 64n) - 1n;

function parseModel(text: string, base: bigint, signed: boolean): string {
  let s = text;
  let negative = false;
  if (signed && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s.length === 0) return signed ? 'false 0 1' : 'false 0 1';
  let v = 0n;
  for (const c of s) {
    const d = /[0-9]/.test(c) ? BigInt(c.charCodeAt(0) - 48) : /[a-z]/i.test(c) ? BigInt(c.toLowerCase().charCodeAt(0) - 87) : 99n;
    if (d >= base) return 'false 0 2';
    v = v * base + d;
    if (v > U64) {
      // Overflow is reported at the first digit that overflows, unless a bad byte comes first.
      return 'false 0 3';
    }
  }
  if (!signed) return `true ${v} 0`;
  if (v > (negative ? 1n << 63n : (1n << 63n) - 1n)) return 'false 0 3';
  return `true ${negative ? -v : v} 0`;
}

function randomCase(seed: number, count: number): ModelCase {
  const int = randomInts(seed);
  const ops: Op[] = [];
  const expected: string[] = [];
  let cap = 0;
  let text = '';
  let full = '';
  let base = 10n;
  let minDigits = 1;
  const emit = (op: Op, out: string): void => {
    ops.push(op);
    expected.push(out);
  };
  const append = (op: Op, s: string): void => {
    full += s;
    text = full.slice(0, cap);
    emit(op, `${text} | ${full.length > cap}`);
  };
  for (let i = 0; i < count; i++) {
    const r = int(100);
    const hi = int(2 ** 32) - 2 ** 31;
    const lo = int(2 ** 32) - 2 ** 31;
    const v = (BigInt(hi) << 32n) | BigInt(lo >>> 0);
    if (r < 8) {
      cap = int(4) === 0 ? int(8) : int(240);
      text = full = '';
      emit(['C', cap, 0], String(cap));
    } else if (r < 14) {
      base = BigInt(2 + int(15));
      minDigits = int(4) === 0 ? int(30) : 1;
      emit(['B', Number(base), minDigits], String(base));
    } else if (r < 30) {
      append(['I', hi, lo], v.toString());
    } else if (r < 45) {
      append(['U', hi, lo], BigInt.asUintN(64, v).toString());
    } else if (r < 60) {
      append(['R', hi, lo], BigInt.asUintN(64, v).toString(Number(base)).padStart(minDigits, '0'));
    } else if (r < 80) {
      const c = '0123456789-+afxZ '.charCodeAt(int(17));
      append(['Y', c, 0], String.fromCharCode(c));
    } else if (r < 90) {
      emit(['P', 0, 0], parseModel(text, 10n, true));
    } else {
      emit(['Q', 0, 0], parseModel(text, base, false));
    }
  }
  return { ops, expected };
}

describe('TextBuilder and parsing against BigInt', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildLibraryProgram('text-main.ts');
  });

  it('formats into bounded buffers and parses with overflow detection, as the model says', () => {
    expectModel(exe, [1, 2, 3, 99], (seed) => randomCase(seed, 20_000), (c) => {
      expect(c.expected.filter((l) => l.endsWith(' 3')).length, 'overflows').toBeGreaterThan(10);
      expect(c.expected.filter((l) => l.startsWith('true ')).length, 'successful parses').toBeGreaterThan(100);
      expect(c.expected.filter((l) => l.endsWith('| true')).length, 'truncations').toBeGreaterThan(100);
    });
  });
});
