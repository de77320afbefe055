// Lowering of null references (docs/language.md §2): `x!` checks for 0 and
// panics, `??` and `??=` branch on 0, and an optional chain (`a?.b.c`,
// `a?.m()`) jumps to a given block as soon as a `?.` finds null.
import ts = require('typescript');
import { constant, fconst } from '../ir/ir.js';
import type { Block, Value } from '../ir/ir.js';
import { isChainRoot, isNullLiteral } from '../sema/nullable.js';
import { isFloat, isReference } from '../sema/types.js';
import type { MType } from '../sema/types.js';
import type { FnCtx } from './context.js';
import { panic } from './call.js';
import { lowerCall } from './call.js';
import { cls, elementValue, lowerExpr, place, property } from './expr.js';

/** Continues in a new block when v is not null; jumps to `onNull` otherwise. */
function nullCheck(fx: FnCtx, v: Value, onNull: Block): void {
  const ok = fx.newBlock('nonnull');
  fx.branch(fx.emit('cne', 'w', [v, constant(0)], { argCls: 'l' }), ok, onNull);
  fx.enter(ok);
}

/** `x!`: a reference that is null panics with the TS location. */
export function nonNull(fx: FnCtx, v: Value, t: MType, at: ts.Node): Value {
  if (!isReference(t)) return v;
  const fail = fx.newBlock('isnull');
  nullCheck(fx, v, fail);
  const ok = fx.block;
  fx.enter(fail);
  panic(fx, fx.mod.string('non-null assertion failed: the value is null'), at);
  fx.block = ok;
  return v;
}

/**
 * The value of an optional chain's last link; control goes to `onNull` as
 * soon as a link marked `?.` finds null.
 */
export function lowerChain(fx: FnCtx, e: ts.Expression, onNull: Block): Value {
  const link = (x: ts.Expression): Value => (ts.isOptionalChain(x) ? lowerChain(fx, x, onNull) : lowerExpr(fx, x));
  const t = fx.sema.typeOfExpr(e);
  if (ts.isPropertyAccessExpression(e)) {
    const obj = link(e.expression);
    if (e.questionDotToken) nullCheck(fx, obj, onNull);
    return property(fx, e, obj);
  }
  if (ts.isNonNullExpression(e)) return nonNull(fx, link(e.expression), t, e);
  if (ts.isElementAccessExpression(e)) return elementValue(fx, e, link(e.expression)); // a?.b[i] (a?.[i] is TSK1013)
  const c = e as ts.CallExpression;
  if (fx.sema.indirectCalls.has(c)) {
    const callee = link(c.expression);
    if (c.questionDotToken) nullCheck(fx, callee, onNull);
    return lowerCall(fx, c, t, callee);
  }
  const pa = c.expression as ts.PropertyAccessExpression;
  const recv = link(pa.expression);
  if (pa.questionDotToken) nullCheck(fx, recv, onNull);
  return lowerCall(fx, c, t, recv);
}

/** An optional chain as a value: its result, or zero (false, null) when it stops. */
export function lowerChainValue(fx: FnCtx, e: ts.Expression, t: MType): Value {
  const stop = fx.newBlock('chain.null');
  const join = fx.newBlock('chain.end');
  const key = {};
  fx.writeVar(key, lowerChain(fx, e, stop));
  fx.jump(join);
  fx.enter(stop);
  fx.writeVar(key, isFloat(t) ? fconst(0, cls(t) as 's' | 'd') : constant(0));
  fx.jump(join);
  fx.enter(join);
  return fx.readVar(key, cls(t));
}

/**
 * `chain == null` / `!= null` for a chain of a type that is never null:
 * whether the chain stops (a `void` result, undefined in JavaScript, is
 * null too).
 */
export function chainNullTest(fx: FnCtx, e: ts.BinaryExpression): Value {
  const nullOnLeft = isNullLiteral(e.left);
  let chain = nullOnLeft ? e.right : e.left;
  while (ts.isParenthesizedExpression(chain)) chain = chain.expression;
  const eq = e.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken;
  const isNull = (stopped: boolean): Value => constant(stopped === eq ? 1 : 0);
  const stop = fx.newBlock('chain.null');
  const join = fx.newBlock('chain.end');
  const key = {};
  lowerChain(fx, chain, stop);
  fx.writeVar(key, isNull(fx.sema.typeOfExpr(chain).kind === 'void'));
  fx.jump(join);
  fx.enter(stop);
  fx.writeVar(key, isNull(true));
  fx.jump(join);
  fx.enter(join);
  return fx.readVar(key, 'w');
}

/** `a ?? b`: b when a is null or an optional chain in a stops; b is evaluated only then. */
export function coalesce(fx: FnCtx, e: ts.BinaryExpression, t: MType): Value {
  let left = e.left;
  while (ts.isParenthesizedExpression(left)) left = left.expression;
  const chain = isChainRoot(left);
  if (!chain && !isReference(t)) return lowerExpr(fx, left); // never nullish
  const rhs = fx.newBlock('coalesce.rhs');
  const join = fx.newBlock('coalesce.end');
  const key = {};
  const v = chain ? lowerChain(fx, left, rhs) : lowerExpr(fx, left);
  if (isReference(t)) nullCheck(fx, v, rhs);
  fx.writeVar(key, v);
  fx.jump(join);
  fx.enter(rhs);
  fx.writeVar(key, lowerExpr(fx, e.right));
  fx.jump(join);
  fx.enter(join);
  return fx.readVar(key, cls(t));
}

/** `x ??= v`: evaluates and stores v only when x is null. */
export function coalesceAssign(fx: FnCtx, e: ts.BinaryExpression, t: MType): Value {
  const p = place(fx, e.left);
  const old = p.read();
  if (!isReference(t)) return old;
  const assign = fx.newBlock('coalesce.assign');
  const join = fx.newBlock('coalesce.end');
  const key = {};
  fx.writeVar(key, old);
  fx.branch(fx.emit('ceq', 'w', [old, constant(0)], { argCls: 'l' }), assign, join);
  fx.enter(assign);
  const v = lowerExpr(fx, e.right);
  p.write(v);
  fx.writeVar(key, v);
  fx.jump(join);
  fx.enter(join);
  return fx.readVar(key, cls(t));
}
