// runtime/process/numfmt.ts (formatF64) against Node's String(x), for
// special values, every power of two and of ten with their neighbours, the
// extreme significands of every binary exponent, integers around 2^53,
// decimals with few digits (where ties and near-ties are), and random bit
// patterns: first the source run under Node (numfmt-node.ts), then the same
// code compiled by tskc for linux (numfmt-native.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { scratch } from '../compiler/programs.js';
import { loadNumfmt, type NodeNumfmt } from './numfmt-node.js';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const fromBits = (b: bigint): number => ((u64[0] = b), f64[0]);
const bitsOf = (x: number): bigint => ((f64[0] = x), u64[0]);
/** The neighbouring doubles of a finite x (same sign side), and x. */
const around = (x: number): number[] => {
  const b = bitsOf(x);
  const r = [x];
  if ((b & 0x7fffffffffffffffn) !== 0n) r.push(fromBits(b - 1n));
  if ((b & 0x7ff0000000000000n) !== 0x7ff0000000000000n) {
    const up = fromBits(b + 1n);
    if (Number.isFinite(up)) r.push(up);
  }
  return r;
};

/** A seeded xorshift64 stream. */
function xorshift(seed: bigint): () => bigint {
  let s = seed;
  return () => {
    s ^= (s << 13n) & 0xffffffffffffffffn;
    s ^= s >> 7n;
    s ^= (s << 17n) & 0xffffffffffffffffn;
    return s;
  };
}

const SPECIAL = [
  0, -0, NaN, Infinity, -Infinity, 1, -1, 0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3, 1.5, -2.5, 100, 1e21, 1e-7, 1e-6,
  1.5e-7, 123e-20, 1e20, 999999999999999900000, 123456789012345680000, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 63, 2 ** 64,
  Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308,
  2.225073858507201e-308, Number.EPSILON, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 5e-324, 1e23, 9.5367431640625e-7,
  4.35, 0.000001234, 1234567.125, 1e-323, 2e-323, 1.7976931348623157e308, 5e-310, 4.9406564584124654e-324,
  9007199254740993, 295147905179352830000, 1e22, 1e-5, 0.5, 0.25, 0.125,
];

function powersOfTwo(): number[] {
  const r: number[] = [];
  for (let e = -1074; e <= 1023; e++) for (const x of around(2 ** e)) r.push(x, -x);
  return r;
}

function powersOfTen(): number[] {
  const r: number[] = [];
  for (let e = -325; e <= 309; e++) {
    const x = Number(`1e${e}`);
    if (Number.isFinite(x)) r.push(...around(x));
  }
  return r;
}

/** The smallest, largest and some other significands of every binary exponent. */
function everyExponent(): number[] {
  const r: number[] = [];
  const mants = [0n, 1n, 2n, 3n, 5n, (1n << 51n) + 1n, (1n << 52n) - 1n, (1n << 52n) - 2n, 0x123456789abcdn, 0xfffff00000000n];
  for (let e = 0n; e < 2047n; e++) for (const m of mants) r.push(fromBits((e << 52n) | m));
  return r;
}

function integers(): number[] {
  const r: number[] = [];
  for (let i = 0; i <= 2000; i++) r.push(i, -i);
  for (const base of [2 ** 53, 2 ** 54, 2 ** 52, 2 ** 60, 2 ** 64, 1e15, 1e16, 1e17, 1e21, 1e22])
    for (let d = -300; d <= 300; d++) r.push(base + d);
  for (let k = 1; k <= 22; k++) for (const d of [-1, 0, 1]) r.push(10 ** k + d, 10 ** k * 7 + d);
  return r;
}

/** Decimals with 1 to 17 significant digits over the whole exponent range, read by Number(). */
function shortDecimals(count: number, seed = 0x9e3779b97f4a7c15n): number[] {
  const next = xorshift(seed);
  const r: number[] = [];
  while (r.length < count) {
    const digits = Number(next() % 17n) + 1;
    let s = '';
    for (let i = 0; i < digits; i++) s += String(next() % 10n);
    const exp = Number(next() % 660n) - 340;
    const x = Number(`${s}e${exp}`);
    if (x !== 0 && Number.isFinite(x)) r.push(...around(x));
  }
  return r;
}

/** Random 64-bit patterns, NaNs left out (they all print NaN). */
function randomBits(count: number, seed: bigint): number[] {
  const next = xorshift(seed);
  const r: number[] = [];
  while (r.length < count) {
    const x = fromBits(next());
    if (!Number.isNaN(x)) r.push(x);
  }
  return r;
}

/** The differences between formatF64 and String(), at most 20 of them. */
function mismatches(xs: number[], format: (x: number) => string): string[] {
  const bad: string[] = [];
  for (const x of xs) {
    const want = String(x);
    const got = format(x);
    if (got !== want && bad.length < 20) bad.push(`${bitsOf(x).toString(16)}: want ${want} got ${got}`);
  }
  return bad;
}

const SETS: [string, () => number[]][] = [
  ['special values', () => SPECIAL],
  ['powers of two 2^-1074 .. 2^1023 with neighbours', powersOfTwo],
  ['powers of ten 1e-325 .. 1e308 with neighbours', powersOfTen],
  ['extreme significands of every binary exponent', everyExponent],
  ['integers: small, around 2^53, 2^64, 10^k', integers],
  ['decimals of 1 to 17 digits with neighbours', () => shortDecimals(20_000)],
  ['100,000 random bit patterns', () => randomBits(100_000, 0x2545f4914f6cdd1dn)],
];

describe('formatF64 under Node', () => {
  let m: NodeNumfmt;
  beforeAll(async () => {
    m = await loadNumfmt();
  });

  for (const [name, make] of SETS) {
    // The BigInt model of u64 is slow: give the large sets time on a busy machine.
    it(name, () => {
      expect(mismatches(make(), (x) => m.format(x))).toEqual([]);
    }, 180_000);
  }

  it('stays within its buffers', () => {
    // everyExponent reaches the largest bignums (the exponent extremes).
    mismatches(everyExponent(), (x) => m.format(x));
    const blocks = m.blocks();
    for (const b of blocks) expect(b.highWater).toBeLessThanOrEqual(b.size);
    const bignums = blocks.filter((b) => b.size > 32);
    expect(bignums.length).toBe(6);
    // 26 limbs of 40 are used: keep that margin.
    for (const b of bignums) expect((b.highWater - 4) / 4).toBeLessThanOrEqual(28);
  });
});

/** Compiles numfmt-native.ts and formats `xs` with it, each `repeat` times. */
function runNative(exe: string, xs: number[], repeat = 1): { lines: string[]; ms: number } {
  const input = new BigUint64Array(xs.length + 1);
  input[0] = BigInt(repeat);
  xs.forEach((x, i) => (input[i + 1] = bitsOf(x)));
  const t0 = performance.now();
  const r = spawnSync(exe, [], { input: Buffer.from(input.buffer), maxBuffer: 1 << 28, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`numfmt-native exited with ${r.status}: ${r.stderr}`);
  const lines = r.stdout.split('\n');
  expect(lines.pop()).toBe('');
  return { lines, ms };
}

describe('formatF64 compiled by tskc', () => {
  let exe = '';
  beforeAll(() => {
    exe = join(scratch(), 'numfmt');
    compile({
      entries: [join(import.meta.dirname, 'numfmt-native.ts')],
      target: 'linux',
      emit: 'exe',
      output: exe,
      debug: false,
      verifyIr: true,
    });
  });

  const native = (xs: number[]): string[] => {
    const { lines } = runNative(exe, xs);
    expect(lines.length).toBe(xs.length);
    const bad: string[] = [];
    xs.forEach((x, i) => {
      if (lines[i] !== String(x) && bad.length < 20) bad.push(`${bitsOf(x).toString(16)}: want ${String(x)} got ${lines[i]}`);
    });
    return bad;
  };

  for (const [name, make] of SETS) {
    it(name, () => {
      expect(native(make())).toEqual([]);
    });
  }

  it('1,000,000 more random bit patterns and 200,000 short decimals', () => {
    expect(native(randomBits(1_000_000, 0x853c49e6748fea9bn))).toEqual([]);
    expect(native(shortDecimals(200_000, 0xda3e39cb94b95bdbn))).toEqual([]);
  }, 180_000);
});

describe('numfmt bignum helpers under Node, against BigInt', () => {
  it('add, subtract, compare, plusCompare, mulSmall, mul, shiftLeft', async () => {
    const m = await loadNumfmt({ exportAll: true });
    const M = m.module as Record<string, (...args: number[]) => number> & Record<string, number>;
    const view = m.module.__memory as DataView;
    const get = (a: number): bigint => {
      let r = 0n;
      const n = view.getUint32(a, true);
      if (n > 0 && view.getUint32(a + 4 * n, true) === 0) throw new Error('leading zero limb');
      for (let i = n - 1; i >= 0; i--) r = (r << 32n) | BigInt(view.getUint32(a + 4 + 4 * i, true));
      return r;
    };
    const set = (a: number, x: bigint): number => {
      let i = 0;
      for (; x > 0n; i++, x >>= 32n) view.setUint32(a + 4 + 4 * i, Number(x & 0xffffffffn), true);
      view.setUint32(a, i, true);
      return a;
    };
    const next = xorshift(0x1234567887654321n);
    const rand = (bits: number): bigint => {
      let r = 0n;
      for (let i = 0; i < bits; i += 64) r = (r << 64n) | next();
      r &= (1n << BigInt(bits)) - 1n;
      return next() % 4n === 0n ? r & ~((1n << BigInt(bits >> 1)) - 1n) : r; // sometimes zero low limbs
    };
    const sign = (d: bigint): number => (d > 0n ? 1 : d < 0n ? -1 : 0);
    const [A, B, C] = [M.R, M.S, M.MP];
    for (let t = 0; t < 3000; t++) {
      const x = rand(t % 400), y = rand((t * 7) % 400);
      const z = t % 3 === 0 ? x + y + BigInt((t % 5) - 2) : rand((t * 13) % 400);
      if (z >= 0n) {
        set(A, x), set(B, y), set(C, z);
        expect(M.plusCompare(A, B, C)).toBe(sign(x + y - z));
      }
      expect(M.compare(set(A, x), set(B, y))).toBe(sign(x - y));
      M.add(M.T, set(A, x), set(B, y));
      expect(get(M.T)).toBe(x + y);
      if (x >= y) {
        M.subtract(set(A, x), set(B, y));
        expect(get(A)).toBe(x - y);
      }
      const k = t % 100;
      M.shiftLeft(set(A, x), k);
      expect(get(A)).toBe(x << BigInt(k));
      M.mulSmall(set(A, x), 1220703125);
      expect(get(A)).toBe(x * 1220703125n);
      M.mul(M.U, set(A, x), set(B, y));
      expect(get(M.U)).toBe(x * y);
    }
  });
});
