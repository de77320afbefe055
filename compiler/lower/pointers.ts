// Code for the pointer intrinsics (docs/language.md §6.7; sema/pointers.ts
// types them): loads and stores through a Ptr<T>, pointer arithmetic in
// elements of T, and addressof.
import ts = require('typescript');
import { constant } from '../ir/ir.js';
import type { Value } from '../ir/ir.js';
import { I64, U64, isInt, storageOf } from '../sema/types.js';
import type { MType } from '../sema/types.js';
import type { FnCtx } from './context.js';
import { cls, convert, loadOp, lowerExpr, placeAddress, storeOp } from './expr.js';

/** The bytes one element of a Ptr<T> spans: a class's instance size, else its storage size. */
function elementSize(elem: MType): number {
  return elem.kind === 'class' ? Math.max(elem.info.size, 1) : storageOf(elem).size;
}

function pointee(fx: FnCtx, e: ts.Expression): MType {
  const t = fx.sema.typeOfExpr(e);
  if (t.kind !== 'ptr') throw new Error(`internal: '${e.getText()}' is not a pointer`);
  return t.elem;
}

/** Lowers a pointer intrinsic call; undefined if `name` is not one. */
export function lowerPointerIntrinsic(fx: FnCtx, e: ts.CallExpression, name: string): Value | undefined {
  const args = e.arguments;
  switch (name) {
    case 'Ptr.load':
    case 'Ptr.volatileLoad': {
      const elem = pointee(fx, args[0]);
      const addr = lowerExpr(fx, args[0]);
      // A pointer to a class instance is a reference to it: nothing to read.
      if (elem.kind === 'class') return addr;
      return fx.emit(loadOp(elem), cls(elem), [addr], { volatile: name === 'Ptr.volatileLoad' });
    }
    case 'Ptr.store':
    case 'Ptr.volatileStore': {
      const elem = pointee(fx, args[0]);
      const addr = lowerExpr(fx, args[0]);
      const v = lowerExpr(fx, args[1]);
      fx.effect(storeOp(elem), cls(elem), [v, addr], { volatile: name === 'Ptr.volatileStore' });
      return constant(0);
    }
    case 'Ptr.add': {
      const size = elementSize(pointee(fx, args[0]));
      const p = lowerExpr(fx, args[0]);
      const nt = fx.sema.typeOfExpr(args[1]);
      const n = convert(fx, lowerExpr(fx, args[1]), nt, isInt(nt) && !nt.signed ? U64 : I64);
      const bytes = size === 1 ? n : fx.emit('mul', 'l', [n, constant(size)]);
      return fx.emit('add', 'l', [p, bytes]);
    }
    case 'Ptr.diff': {
      const size = elementSize(pointee(fx, args[0]));
      const bytes = fx.emit('sub', 'l', [lowerExpr(fx, args[0]), lowerExpr(fx, args[1])]);
      return size === 1 ? bytes : fx.emit('sdiv', 'l', [bytes, constant(size)]);
    }
    case 'addressof': {
      const t = fx.sema.typeOfExpr(args[0]);
      return t.kind === 'class' ? lowerExpr(fx, args[0]) : placeAddress(fx, args[0]);
    }
    default:
      return undefined;
  }
}
