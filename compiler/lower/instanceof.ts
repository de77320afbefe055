// `x instanceof C` (docs/language.md §6.5): false for null, else whether
// x's vtable pointer is the vtable of C or of one of its subclasses.
import type ts from 'typescript';
import { constant, sym } from '../ir/ir.js';
import type { Value } from '../ir/ir.js';
import type { ClassInfo } from '../sema/classes.js';
import { vtableSymbol } from '../sema/classes.js';
import type { FnCtx } from './context.js';
import { lowerExpr } from './expr.js';

function extendsClass(c: ClassInfo | undefined, target: ClassInfo): boolean {
  for (; c; c = c.base) if (c === target) return true;
  return false;
}

export function lowerInstanceOf(fx: FnCtx, e: ts.BinaryExpression): Value {
  const target = fx.sema.instanceOfs.get(e)!;
  const obj = lowerExpr(fx, e.left);
  const yes = fx.newBlock('instanceof.yes');
  const no = fx.newBlock('instanceof.no');
  const join = fx.newBlock('instanceof.end');
  const test = fx.newBlock('instanceof.test');
  fx.branch(fx.emit('cne', 'w', [obj, constant(0)], { argCls: 'l' }), test, no);
  fx.enter(test);
  const vptr = fx.emit('loadl', 'l', [obj]);
  for (const c of fx.sema.allClasses()) {
    if (!c.hasVtable || !extendsClass(c, target)) continue;
    const next = fx.newBlock('instanceof.next');
    fx.branch(fx.emit('ceq', 'w', [vptr, sym(vtableSymbol(c))], { argCls: 'l' }), yes, next);
    fx.enter(next);
  }
  fx.jump(no);
  const key = {};
  for (const [b, v] of [[yes, 1], [no, 0]] as const) {
    fx.enter(b);
    fx.writeVar(key, constant(v));
    fx.jump(join);
  }
  fx.enter(join);
  return fx.readVar(key, 'w');
}
