// Arithmetic operators on lowered operands (docs/language.md §3.2): integer
// ops with sub-word normalisation, division and remainder with their panics
// and the MIN / -1 case, integer `**`, and float + - * / % ** (% and ** call
// the runtime: runtime/common/math.ts, runtime/process/fmath.ts).
import ts = require('typescript');
import { constant } from '../ir/ir.js';
import type { Op, Value } from '../ir/ir.js';
import { F64, I64, U64, isFloat } from '../sema/types.js';
import type { IntType, MType } from '../sema/types.js';
import type { FnCtx } from './context.js';
import { panic } from './call.js';
import { cls, convert, normalize } from './expr.js';

const K = ts.SyntaxKind;

const ARITH_OPS: Partial<Record<ts.SyntaxKind, (t: IntType) => Op>> = {
  [K.PlusToken]: () => 'add',
  [K.MinusToken]: () => 'sub',
  [K.AsteriskToken]: () => 'mul',
  [K.SlashToken]: (t) => (t.signed ? 'sdiv' : 'udiv'),
  [K.PercentToken]: (t) => (t.signed ? 'srem' : 'urem'),
  [K.AmpersandToken]: () => 'and',
  [K.BarToken]: () => 'or',
  [K.CaretToken]: () => 'xor',
  [K.LessThanLessThanToken]: () => 'shl',
  [K.GreaterThanGreaterThanToken]: (t) => (t.signed ? 'sar' : 'shr'),
  [K.GreaterThanGreaterThanGreaterThanToken]: () => 'shr',
};

/** Applies an arithmetic operator to two lowered operands of type t. */
export function arith(fx: FnCtx, opKind: ts.SyntaxKind, t: MType, a: Value, b: Value, countType: MType, at: ts.Node): Value {
  if (isFloat(t)) {
    const runtime = opKind === K.PercentToken ? 'fmod' : opKind === K.AsteriskAsteriskToken ? 'powF64' : undefined;
    if (runtime) {
      // Computed in f64 (exact for %, and what JavaScript does for f32 **), then rounded to t.
      const r = fx.emit('call', 'd', [convert(fx, a, t, F64), convert(fx, b, t, F64)], { callee: fx.mod.runtimeFunc(runtime) });
      return convert(fx, r, F64, t);
    }
    const fop = ({ [K.PlusToken]: 'add', [K.MinusToken]: 'sub', [K.AsteriskToken]: 'mul', [K.SlashToken]: 'div' } as Record<number, Op>)[opKind];
    return fx.emit(fop, cls(t), [a, b]);
  }
  const it = t as IntType;
  if (opKind === K.AsteriskAsteriskToken) return intPow(fx, it, a, b, countType as IntType);
  const op = ARITH_OPS[opKind]!(it);
  const c = cls(t);
  if (op === 'shl' || op === 'sar' || op === 'shr') {
    const count = cls(countType) === 'l' ? fx.emit('trunc', 'w', [b]) : b;
    // `>>>` on a signed sub-word value shifts its unsigned bit pattern.
    const src = op === 'shr' && it.signed && it.bits < 32 ? convert(fx, a, t, { ...it, signed: false }) : a;
    return normalize(fx, fx.emit(op, c, [src, count]), t);
  }
  if (op === 'sdiv' || op === 'udiv' || op === 'srem' || op === 'urem') return normalize(fx, divide(fx, op, it, a, b, at), t);
  const r = fx.emit(op, c, [a, b]);
  return op === 'and' || op === 'or' || op === 'xor' ? r : normalize(fx, r, t);
}

/**
 * Integer division and remainder: a zero divisor panics with the TS
 * location, and the one signed quotient that overflows (MIN / -1, which
 * the CPU traps on) wraps to MIN, its remainder being 0 (docs/language.md
 * §3.2). Constant divisors need neither check.
 */
function divide(fx: FnCtx, op: Op, t: IntType, a: Value, b: Value, at: ts.Node): Value {
  const c = cls(t);
  const k = b.kind === 'const' ? b.value : undefined;
  if (k === undefined || k === 0n) {
    const ok = fx.newBlock('nonzero');
    const zero = fx.newBlock('divzero');
    fx.branch(fx.emit('cne', 'w', [b, constant(0)], { argCls: c }), ok, zero);
    fx.enter(zero);
    panic(fx, fx.mod.string('division by zero'), at);
    fx.enter(ok);
  }
  const isRem = op === 'srem' || op === 'urem';
  if (!t.signed || t.bits < 32 || (k !== undefined && k !== -1n)) return fx.emit(op, c, [a, b]);
  const byMinusOne = (): Value => (isRem ? constant(0) : fx.emit('neg', c, [a]));
  if (k === -1n) return byMinusOne();
  const result = {};
  const minus = fx.newBlock('div.minus1');
  const plain = fx.newBlock('div');
  const join = fx.newBlock('div.end');
  fx.branch(fx.emit('ceq', 'w', [b, constant(-1)], { argCls: c }), minus, plain);
  fx.enter(minus);
  fx.writeVar(result, byMinusOne());
  fx.jump(join);
  fx.enter(plain);
  fx.writeVar(result, fx.emit(op, c, [a, b]));
  fx.jump(join);
  fx.enter(join);
  return fx.readVar(result, c);
}

/** Integer `a ** b`: by squaring modulo 2^64 (runtime ipow), then wrapped to t. */
function intPow(fx: FnCtx, t: IntType, a: Value, b: Value, bt: IntType): Value {
  const base = convert(fx, a, t, t.signed ? I64 : U64);
  const exp = convert(fx, b, bt, bt.signed ? I64 : U64);
  const negative = bt.signed ? fx.emit('cslt', 'w', [exp, constant(0)], { argCls: 'l' }) : constant(0);
  const r = fx.emit('call', 'l', [base, exp, negative], { callee: fx.mod.runtimeFunc('ipow') });
  return convert(fx, r, U64, t);
}
