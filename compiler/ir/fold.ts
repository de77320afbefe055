// Constant folding of one instruction in every class. Integer ops use the
// op table's `fold` (wrapping to the class); float ops are evaluated here
// exactly as SSE2 evaluates them: JS arithmetic on numbers is IEEE binary64
// with round-to-nearest-even, and for f32 each +, -, *, / computed in
// binary64 and rounded once with Math.fround is the correctly rounded f32
// result (binary64 has more than 2·24+2 bits, so the double rounding is
// innocuous). Where the result would be a NaN produced or propagated by the
// hardware, whose exact bits JS does not model, nothing is folded.
import { bitsFloat, fconst, fconstBits } from './ir.js';
import type { Const, FloatCls, Instr, Value } from './ir.js';
import { isFloatCls, opInfo, wrapS, wrapU } from './ops.js';

const isConst = (v: Value): v is Const => v.kind === 'const';
const SIGN: Record<FloatCls, bigint> = { s: 0x80000000n, d: 0x8000000000000000n };

/** The correctly rounded (nearest-even) float of the integer v, with `mant` significand bits. */
export function roundInteger(v: bigint, mant: number): number {
  const neg = v < 0n;
  let m = neg ? -v : v;
  const n = m.toString(2).length;
  let shift = 0n;
  if (n > mant) {
    shift = BigInt(n - mant);
    const rest = m & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    m >>= shift;
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
  }
  // m has at most mant+1 bits and the scale is a power of two: both exact in binary64.
  const x = Number(m) * 2 ** Number(shift);
  return neg ? -x : x;
}

/** f32 or f64 arithmetic result rounding. */
const round = (x: number, c: FloatCls): number => (c === 's' ? Math.fround(x) : x);

/**
 * The constant instruction i evaluates to, or undefined when it cannot be
 * folded (not pure, an operand is not constant, division by zero, a NaN
 * result). Integer results are wrapped to their class (signed).
 */
export function foldInstr(i: Instr): Const | undefined {
  const info = opInfo(i.op);
  if (info.effect || i.volatile || !i.dst || !info.result) return undefined;
  if (!i.args.every(isConst)) return undefined;
  const args = i.args as Const[];
  const [a, b] = args;
  const c = i.cls;
  const ac = info.compare ? i.argCls : undefined;
  const f = (k: Const): number => bitsFloat(k.value, k.float ?? 'd');

  // Comparisons in s/d: IEEE (JS) semantics, NaN compares false except cne.
  if (ac && isFloatCls(ac)) {
    const [x, y] = [f(a), f(b)];
    const r = { ceq: x === y, cne: x !== y, clt: x < y, cle: x <= y, cgt: x > y, cge: x >= y }[i.op as string];
    return r === undefined ? undefined : { kind: 'const', value: r ? 1n : 0n };
  }
  switch (i.op) {
    case 'add': case 'sub': case 'mul': case 'div': {
      if (!isFloatCls(c)) break;
      const [x, y] = [f(a), f(b)];
      const r = round(i.op === 'add' ? x + y : i.op === 'sub' ? x - y : i.op === 'mul' ? x * y : x / y, c);
      return Number.isNaN(r) ? undefined : fconst(r, c);
    }
    case 'sqrt': {
      // sqrt of an f32 computed in f64 and rounded once is correctly rounded.
      const r = round(Math.sqrt(f(a)), c as FloatCls);
      return Number.isNaN(r) ? undefined : fconst(r, c as FloatCls);
    }
    case 'neg':
      if (isFloatCls(c)) return fconstBits(a.value ^ SIGN[c], c);
      break;
    case 'copy':
      if (isFloatCls(c)) return fconstBits(a.value, c);
      break;
    case 'cast':
      // Reinterpret the bits: to a float class keeps the pattern, to an integer reads it signed.
      return isFloatCls(c) ? fconstBits(wrapU(a.value, c), c) : { kind: 'const', value: wrapS(a.value, c) };
    case 'exts': case 'truncd': {
      const x = f(a);
      if (Number.isNaN(x)) return undefined; // SNaN quieting and payloads are the hardware's
      return fconst(x, c as FloatCls);
    }
    case 'swtof': return fconst(roundInteger(wrapS(a.value, 'w'), c === 's' ? 24 : 53), c as FloatCls);
    case 'sltof': return fconst(roundInteger(wrapS(a.value, 'l'), c === 's' ? 24 : 53), c as FloatCls);
    case 'uwtof': return fconst(roundInteger(wrapU(a.value, 'w'), c === 's' ? 24 : 53), c as FloatCls);
    case 'ultof': return fconst(roundInteger(wrapU(a.value, 'l'), c === 's' ? 24 : 53), c as FloatCls);
    case 'stosi': case 'dtosi': {
      const x = Math.trunc(f(a));
      const bits = c === 'w' ? 32 : 64;
      const lo = -(2 ** (bits - 1));
      // NaN and out-of-range values give the integer indefinite value, as cvttsd2si does.
      const ok = !Number.isNaN(x) && x >= lo && x < -lo;
      return { kind: 'const', value: ok ? BigInt(x) : BigInt(lo) };
    }
    default:
      break;
  }
  if (isFloatCls(c) || (ac && isFloatCls(ac)) || args.some((k) => k.float)) return undefined;
  if (!info.fold) return undefined;
  const v = info.fold(a?.value ?? 0n, b?.value ?? 0n, ac ?? c);
  return v === undefined ? undefined : { kind: 'const', value: wrapS(v, c) };
}
