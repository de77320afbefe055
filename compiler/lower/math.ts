// Code for the Math intrinsics (docs/language.md §3.2.1; sema/math.ts types
// them): sqrt is one instruction, abs a sign-bit mask on floats and a
// compare on integers, min/max compare chains on integers; the rest call
// runtime/process/fmath.ts.
import ts = require('typescript');
import { constant } from '../ir/ir.js';
import type { Cls, Value } from '../ir/ir.js';
import { F64, isFloat } from '../sema/types.js';
import type { IntType, MType } from '../sema/types.js';
import type { FnCtx } from './context.js';
import { cls, convert, lowerExpr, normalize } from './expr.js';

const RUNTIME: Record<string, string> = {
  'Math.floor': 'floorF64', 'Math.ceil': 'ceilF64', 'Math.trunc': 'truncF64', 'Math.round': 'roundF64', 'Math.sign': 'signF64',
};

/** a if cond (a w 0/1) else b, through a branch. */
function pick(fx: FnCtx, cond: Value, a: () => Value, b: Value, c: Cls): Value {
  const key = {};
  const yes = fx.newBlock('pick');
  const join = fx.newBlock('pick.end');
  fx.writeVar(key, b);
  fx.branch(cond, yes, join);
  fx.enter(yes);
  fx.writeVar(key, a());
  fx.jump(join);
  fx.enter(join);
  return fx.readVar(key, c);
}

/** Lowers a Math intrinsic; undefined if `name` is not one. */
export function lowerMathIntrinsic(fx: FnCtx, e: ts.CallExpression, name: string, t: MType): Value | undefined {
  const c = cls(t);
  const rt = RUNTIME[name];
  if (rt) return fx.emit('call', 'd', [lowerExpr(fx, e.arguments[0])], { callee: fx.mod.runtimeFunc(rt) });
  if (name === 'Math.sqrt') return fx.emit('sqrt', 'd', [lowerExpr(fx, e.arguments[0])]);
  if (name === 'Math.abs') {
    const x = lowerExpr(fx, e.arguments[0]);
    if (isFloat(t)) {
      const ic = c === 'd' ? 'l' : 'w';
      const mask = c === 'd' ? 0x7fffffffffffffffn : 0x7fffffffn;
      return fx.emit('cast', c, [fx.emit('and', ic, [fx.emit('cast', ic, [x]), constant(mask)])]);
    }
    if (!(t as IntType).signed) return x;
    const negative = fx.emit('cslt', 'w', [x, constant(0)], { argCls: c });
    return pick(fx, negative, () => normalize(fx, fx.emit('neg', c, [x]), t), x, c);
  }
  if (name === 'Math.min' || name === 'Math.max') {
    const min = name === 'Math.min';
    const vals = e.arguments.map((a) => lowerExpr(fx, a));
    if (isFloat(t)) {
      // In f64, which is exact for f32 values too.
      const f = fx.mod.runtimeFunc(min ? 'minF64' : 'maxF64');
      let r = convert(fx, vals[0], t, F64);
      for (const v of vals.slice(1)) r = fx.emit('call', 'd', [r, convert(fx, v, t, F64)], { callee: f });
      return convert(fx, r, F64, t);
    }
    const it = t as IntType;
    const op = min ? (it.signed ? 'cslt' : 'cult') : it.signed ? 'csgt' : 'cugt';
    let r = vals[0];
    for (const v of vals.slice(1)) {
      const cur = r;
      r = pick(fx, fx.emit(op, 'w', [v, cur], { argCls: c }), () => v, cur, c);
    }
    return r;
  }
  return undefined;
}
