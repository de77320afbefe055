// Instruction selection for floats (classes s and d): values live in xmm
// virtual registers (MFunc.xmm) of width 4 or 8 and use SSE2 scalar
// instructions; constants are loaded from .rodata (MFunc.consts), +0.0 with
// xorps, negation is xorps with a sign mask. Comparisons use ucomiss/ucomisd,
// whose unordered result (a NaN operand) sets ZF, PF and CF: a > b is `a` and
// a >= b is `ae` (both false when unordered), a < b and a <= b are those with
// the operands swapped, a == b is `e` and not `p`, a != b is `ne` or `p`.
// Conversions, bit casts (movd/movq) and float loads and stores are here too.
import { fconstBits } from '../ir/ir.js';
import type { FloatCls, Instr, Value } from '../ir/ir.js';
import { isFloatCls, opInfo } from '../ir/ops.js';
import type { Op } from '../ir/ops.js';
import type { MOp, RegOp } from './minst.js';
import { W } from './isel-core.js';
import type { Selector, Test } from './isel-core.js';

/** Float arithmetic: IR op → machine op. */
const FALU: Partial<Record<Op, MOp>> = { add: 'fadd', sub: 'fsub', mul: 'fmul', div: 'fdiv' };
/** Float comparisons: the condition after ucomis, and whether the operands are swapped first. */
const FCMP: Partial<Record<Op, { test: Test; swap: boolean }>> = {
  cgt: { test: { cc: 'a' }, swap: false },
  cge: { test: { cc: 'ae' }, swap: false },
  clt: { test: { cc: 'a' }, swap: true },
  cle: { test: { cc: 'ae' }, swap: true },
  ceq: { test: { cc: 'e', parity: 'and-np' }, swap: false },
  cne: { test: { cc: 'ne', parity: 'or-p' }, swap: false },
};
export const FLOAD: Partial<Record<Op, FloatCls>> = { loads: 's', loadd: 'd' };
export const FSTORE: Partial<Record<Op, FloatCls>> = { stores: 's', stored: 'd' };

/** The float class of a value, if it is a float (temps by class, constants by marker). */
export function floatClsOf(v: Value): FloatCls | null {
  if (v.kind === 'temp') return isFloatCls(v.cls) ? v.cls : null;
  if (v.kind === 'const') return v.float ?? null;
  return null;
}

/** Whether an instruction is selected by the float code. */
export function isFloatInstr(i: Instr): boolean {
  if (i.op === 'call' || i.op === 'asm' || i.op === 'asmout') return false;
  if (isFloatCls(i.cls)) return true;
  if (opInfo(i.op).compare) return isFloatCls(i.argCls);
  return i.op === 'stosi' || i.op === 'dtosi' || i.op === 'cast';
}

/** Emits ucomis for a float comparison; returns what to test. */
export function fcompare(s: Selector, i: Instr): Test {
  const c = i.argCls as FloatCls;
  const { test, swap } = FCMP[i.op]!;
  let [a, b] = swap ? [i.args[1], i.args[0]] : i.args;
  // == and != are symmetric: keep a constant on the memory side.
  if (test.parity && a.kind === 'const' && b.kind === 'temp') [a, b] = [b, a];
  s.emit('ucomi', [s.fInReg(a, c), s.fSrc(b, c)]);
  return test;
}

/** d (a w register) = the 0/1 result of a test. */
function materialise(s: Selector, d: RegOp, t: Test): void {
  s.emit('setcc', [{ ...d, w: 1 }], { cc: t.cc });
  if (t.parity) {
    const p = s.newVreg(1);
    s.emit('setcc', [p], { cc: t.parity === 'and-np' ? 'np' : 'p' });
    s.emit(t.parity === 'and-np' ? 'and' : 'or', [{ ...d, w: 1 }, p]);
  }
  s.emit('movzx', [{ ...d, w: 4 }, { ...d, w: 1 }]);
}

/** Selects a float instruction (see isFloatInstr). */
export function selectFloatInstr(s: Selector, i: Instr): void {
  const op = i.op;
  const c = i.cls;
  const fc = c as FloatCls;
  const d = i.dst ? s.tempReg(i.dst.id, c) : null;
  const [a, b] = i.args;
  if (FALU[op]) {
    let [x, y] = [a, b];
    if (opInfo(op).commutes && x.kind === 'const' && y.kind === 'temp') [x, y] = [y, x];
    s.fcopyTo(d!, x, fc);
    s.emit(FALU[op]!, [d!, s.fSrc(y, fc)]);
  } else if (op === 'neg') {
    s.fcopyTo(d!, a, fc);
    s.emit('xorps', [d!, s.signMask(fc)]);
  } else if (op === 'copy') {
    s.fcopyTo(d!, a, fc);
  } else if (op === 'sqrt') {
    s.emit('fsqrt', [d!, s.fSrc(a, fc)]);
  } else if (FCMP[op] && opInfo(op).compare) {
    materialise(s, d!, fcompare(s, i));
  } else if (op === 'exts' || op === 'truncd') {
    s.emit('cvtf2f', [d!, s.fSrc(a, op === 'exts' ? 's' : 'd')]);
  } else if (op === 'swtof' || op === 'sltof') {
    s.emit('cvtsi2f', [d!, s.inReg(a, op === 'swtof' ? 4 : 8)]);
  } else if (op === 'uwtof') {
    // A u32 zero-extended to 64 bits converts exactly with the signed 64-bit form.
    const t = s.newVreg(4);
    s.emit('mov32z', [t, s.inReg(a, 4)]);
    s.emit('cvtsi2f', [d!, { ...t, w: 8 }]);
  } else if (op === 'ultof') {
    ultof(s, d!, a, fc);
  } else if (op === 'stosi' || op === 'dtosi') {
    s.emit('cvttf2si', [d!, s.fSrc(a, op === 'stosi' ? 's' : 'd')]);
  } else if (op === 'cast') {
    if (a.kind === 'const') {
      // A bit cast of a constant is a constant.
      if (isFloatCls(c)) s.fcopyTo(d!, fconstBits(a.value, fc), fc);
      else s.copyTo(d!, { kind: 'const', value: BigInt.asIntN(c === 'w' ? 32 : 64, a.value) }, c);
    } else if (isFloatCls(c)) {
      s.emit('movgx', [d!, s.inReg(a, W(c))]);
    } else {
      s.emit('movxg', [d!, s.fInReg(a, c === 'w' ? 's' : 'd')]);
    }
  } else if (FLOAD[op]) {
    s.emit('fmov', [d!, s.addr(a, W(c))]);
  } else if (FSTORE[op]) {
    const m = s.addr(b, W(c));
    // A constant is stored as its bit pattern from a general register or immediate.
    if (a.kind === 'const') s.emit('mov', [m, s.src({ kind: 'const', value: BigInt.asIntN(W(c) * 8, a.value) }, W(c))]);
    else s.emit('fmov', [m, s.fInReg(a, fc)]);
  } else {
    throw new Error(`isel: no selection for float op '${op}' (class ${c})`);
  }
}

/**
 * u64 → float: values below 2^63 convert directly; larger ones are halved
 * with the lost bit kept sticky (v>>1 | v&1), converted and doubled, which
 * rounds exactly as a direct conversion would. Both are computed and the
 * sign of v selects one (cmovs), so no branch is needed.
 */
function ultof(s: Selector, d: RegOp, a: Value, c: FloatCls): void {
  const w = W(c);
  const v = s.inReg(a, 8);
  const half = s.newVreg(8);
  const low = s.newVreg(8);
  s.emit('mov', [half, v]);
  s.emit('shr', [half, { k: 'imm', v: 1n }]);
  s.emit('mov', [low, v]);
  s.emit('and', [low, { k: 'imm', v: 1n }]);
  s.emit('or', [half, low]);
  const big = s.newXVreg(w);
  s.emit('cvtsi2f', [big, half]);
  s.emit('fadd', [big, big]);
  const small = s.newXVreg(w);
  s.emit('cvtsi2f', [small, v]);
  const gBig = s.newVreg(w);
  const gSmall = s.newVreg(w);
  s.emit('movxg', [gBig, big]);
  s.emit('movxg', [gSmall, small]);
  s.emit('test', [v, v]);
  s.emit('cmov', [gSmall, gBig], { cc: 's' });
  s.emit('movgx', [d, gSmall]);
}
