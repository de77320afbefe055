// Division and remainder by a constant without a divide instruction: a
// multiply by a "magic" reciprocal, its high half, and shifts (Granlund and
// Montgomery, "Division by Invariant Integers using Multiplication", 1994;
// the signed magic numbers as in Warren, "Hacker's Delight", §10). `idiv`
// takes 40–90 cycles on many x86 cores; this is a multiply and a few ALU
// instructions. Powers of two become shifts (and a bias for signed values).
// A remainder is n − q·d. Divisors 0 and −1 never get here (lowering checks
// zero and handles −1, whose quotient can overflow).
import type { Instr } from '../ir/ir.js';
import { RAX, RDX, reg } from './minst.js';
import type { RegOp, Width } from './minst.js';
import { W } from './isel-core.js';
import type { Selector } from './isel-core.js';

const SIGNED = new Set(['sdiv', 'srem']);
const DIVS = new Set(['sdiv', 'srem', 'udiv', 'urem']);

/** Selects a division or remainder by a constant; false when `i` is not one (or the divisor is 0 or −1). */
export function selectDivByConst(s: Selector, i: Instr): boolean {
  const [a, b] = i.args;
  if (!DIVS.has(i.op) || b.kind !== 'const' || !i.dst) return false;
  const w = W(i.cls);
  const bits = BigInt(w * 8);
  const mask = (1n << bits) - 1n;
  const signed = SIGNED.has(i.op);
  const raw = b.value & mask;
  const d = signed && raw >> (bits - 1n) ? raw - (1n << bits) : raw;
  if (d === 0n || (signed && d === -1n)) return false;
  const dst = s.tempReg(i.dst.id, i.cls);
  const n = s.newVreg(w);
  s.copyTo(n, a, i.cls);
  const q = signed ? signedQuotient(s, n, d, w) : unsignedQuotient(s, n, d, w);
  if (i.op === 'sdiv' || i.op === 'udiv') {
    s.emit('mov', [dst, q]);
    return true;
  }
  // n − q·d
  const prod = s.newVreg(w);
  if (d >= -(1n << 31n) && d < 1n << 31n) s.emit('imul3', [prod, q, { k: 'imm', v: d }]);
  else {
    s.emit('mov', [prod, { k: 'imm', v: d }]);
    s.emit('imul', [prod, q]);
  }
  s.emit('mov', [dst, n]);
  s.emit('sub', [dst, prod]);
  return true;
}

/** log2 of a power of two, else −1. */
function log2(x: bigint): number {
  if (x <= 0n || (x & (x - 1n)) !== 0n) return -1;
  return x.toString(2).length - 1;
}

function unsignedQuotient(s: Selector, n: RegOp, d: bigint, w: Width): RegOp {
  const bits = w * 8;
  const q = s.newVreg(w);
  s.emit('mov', [q, n]);
  const k = log2(d);
  if (k >= 0) {
    if (k > 0) s.emit('shr', [q, { k: 'imm', v: BigInt(k) }]);
    return q;
  }
  // l = ceil(log2 d); m = floor(2^N (2^l − d) / d) + 1; q = (t + ((n − t) >> 1)) >> (l − 1), t = mulhi(m, n).
  const l = (d - 1n).toString(2).length;
  const m = ((1n << BigInt(bits)) * ((1n << BigInt(l)) - d)) / d + 1n;
  s.emit('mov', [reg(RAX, w), { k: 'imm', v: toSigned(m, bits) }]);
  s.emit('mul1', [n]);
  s.emit('sub', [q, reg(RDX, w)]);
  s.emit('shr', [q, { k: 'imm', v: 1n }]);
  s.emit('add', [q, reg(RDX, w)]);
  if (l > 1) s.emit('shr', [q, { k: 'imm', v: BigInt(l - 1) }]);
  return q;
}

function signedQuotient(s: Selector, n: RegOp, d: bigint, w: Width): RegOp {
  const bits = w * 8;
  const q = s.newVreg(w);
  const ad = d < 0n ? -d : d;
  const k = log2(ad);
  if (k >= 0) {
    // (n + (n < 0 ? 2^k − 1 : 0)) >> k, the bias from the sign bits; negated for d < 0.
    s.emit('mov', [q, n]);
    if (k > 0) {
      s.emit('sar', [q, { k: 'imm', v: BigInt(bits - 1) }]);
      s.emit('shr', [q, { k: 'imm', v: BigInt(bits - k) }]);
      s.emit('add', [q, n]);
      s.emit('sar', [q, { k: 'imm', v: BigInt(k) }]);
    }
    if (d < 0n) s.emit('neg', [q]);
    return q;
  }
  const { magic, shift } = signedMagic(d, bits);
  // The rounding toward zero adds 1 to a negative quotient. For d > 0 the
  // quotient is negative exactly when n is, and n's sign (−1 or 0) can be
  // taken before the multiply, off the dependency chain (as gcc does).
  const sign = s.newVreg(w);
  if (d > 0n) {
    s.emit('mov', [sign, n]);
    s.emit('sar', [sign, { k: 'imm', v: BigInt(bits - 1) }]);
  }
  s.emit('mov', [reg(RAX, w), { k: 'imm', v: magic }]);
  s.emit('imul1', [n]);
  s.emit('mov', [q, reg(RDX, w)]);
  if (d > 0n && magic < 0n) s.emit('add', [q, n]);
  if (d < 0n && magic > 0n) s.emit('sub', [q, n]);
  if (shift > 0) s.emit('sar', [q, { k: 'imm', v: BigInt(shift) }]);
  if (d > 0n) {
    s.emit('sub', [q, sign]);
    return q;
  }
  s.emit('mov', [sign, q]);
  s.emit('shr', [sign, { k: 'imm', v: BigInt(bits - 1) }]);
  s.emit('add', [q, sign]);
  return q;
}

function toSigned(x: bigint, bits: number): bigint {
  const m = x & ((1n << BigInt(bits)) - 1n);
  return m >> BigInt(bits - 1) ? m - (1n << BigInt(bits)) : m;
}

/** The magic multiplier (as a signed N-bit value) and shift for signed division by d (|d| ≥ 2, not a power of two). */
export function signedMagic(d: bigint, bits: number): { magic: bigint; shift: number } {
  const N = BigInt(bits);
  const two = 1n << (N - 1n);
  const ad = d < 0n ? -d : d;
  const t = two + (d < 0n ? 1n : 0n);
  const anc = t - 1n - (t % ad);
  let p = N - 1n;
  let q1 = two / anc;
  let r1 = two - q1 * anc;
  let q2 = two / ad;
  let r2 = two - q2 * ad;
  let delta: bigint;
  do {
    p++;
    q1 *= 2n;
    r1 *= 2n;
    if (r1 >= anc) {
      q1++;
      r1 -= anc;
    }
    q2 *= 2n;
    r2 *= 2n;
    if (r2 >= ad) {
      q2++;
      r2 -= ad;
    }
    delta = ad - r2;
  } while (q1 < delta || (q1 === delta && r1 === 0n));
  let magic = toSigned(q2 + 1n, bits);
  if (d < 0n) magic = toSigned(-magic, bits);
  return { magic, shift: Number(p - N) };
}
