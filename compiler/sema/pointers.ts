// Typing of the pointer intrinsics (docs/language.md §6.7): `Ptr<T>` is a
// usize branded with its pointee type; Ptr.load/Ptr.store (and volatile
// forms) read and write through it, Ptr.add/Ptr.diff count in elements of
// T, and addressof(x) makes one from a global, field, array element or
// object. lower/pointers.ts generates the code.
import ts = require('typescript');
import type { ExprTyper } from './expr.js';
import type { IntrinsicDef } from './intrinsics.js';
import { I64, INT_TYPES, VOID, isInt, typeName } from './types.js';
import type { MType } from './types.js';

type PtrType = MType & { kind: 'ptr' };

/** Why T cannot be a pointee, or undefined if it can. */
export function pointeeProblem(t: MType): string | undefined {
  if (t.kind === 'int' || t.kind === 'bool' || t.kind === 'float' || t.kind === 'class' || t.kind === 'ptr') return undefined;
  const hint = t.kind === 'array' ? `; point at its elements with addressof(a[0])` : t.kind === 'string' ? `; a string is already an address (changetype<usize>(s))` : '';
  return `Ptr<T> points at integers, bools, floats, pointers or class instances, not ${typeName(t)}${hint}`;
}

/** The Ptr<T> argument `i` of a pointer intrinsic; reports TSK1040 if it is none. */
function pointerArg(ty: ExprTyper, e: ts.CallExpression, i: number, what: string): PtrType | undefined {
  const a = e.arguments[i];
  if (!a) return undefined;
  const t = ty.type(a);
  if (t.kind === 'ptr') return t;
  ty.sema.diags.error('TSK1040', a, `${what} takes a Ptr<T>, not ${typeName(t)}; make one with addressof(x) or a typed declaration such as 'const p: Ptr<u8> = addr'`);
  return undefined;
}

function naturalPointee(ty: ExprTyper, e: ts.CallExpression): MType | null {
  const t = e.arguments[0] && ty.natural(e.arguments[0]);
  return t?.kind === 'ptr' ? t.elem : null;
}

const load = (name: string): IntrinsicDef => ({
  targets: 'all',
  type: (ty, e, _decl, expected) => pointerArg(ty, e, 0, name)?.elem ?? expected ?? I64,
  natural: naturalPointee,
});

const store = (name: string): IntrinsicDef => ({
  targets: 'all',
  type: (ty, e) => {
    const p = pointerArg(ty, e, 0, name);
    const v = e.arguments[1];
    if (p?.elem.kind === 'class') {
      ty.sema.diags.error('TSK1040', e, `${name} through a Ptr<${typeName(p.elem)}> would copy an object; assign its fields instead: Ptr.load(p).field = v`);
      if (v) ty.type(v);
    } else if (v) {
      if (p) ty.expect(v, p.elem, `the value of ${name}`);
      else ty.type(v);
    }
    return VOID;
  },
  natural: () => VOID,
});

/** The place addressof(x) may take: a global, a field, an element, or any object. */
function addressable(ty: ExprTyper, x: ts.Expression, t: MType): string | undefined {
  const s = ty.sema;
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (t.kind === 'class') return undefined;
  if (ts.isIdentifier(x)) {
    const sym = s.symbolOf(x);
    if (sym && s.globals.has(sym)) return undefined;
    if (sym && s.locals.has(sym)) return `'${x.text}' is a local variable, which lives in a register and has no address; use a module-level variable, a field, an array element or memory.data`;
  }
  if (ts.isPropertyAccessExpression(x)) {
    const field = s.fieldAccess.get(x);
    const sym = s.symbolOf(x.name);
    if ((field && !field.inline) || (sym && s.globals.has(sym))) return undefined;
  }
  if (ts.isElementAccessExpression(x) && s.elements.has(x)) return undefined;
  return `addressof takes a module-level variable, a field, an array element or an object`;
}

export const POINTER_INTRINSICS: Record<string, IntrinsicDef> = {
  'Ptr.load': load('Ptr.load'),
  'Ptr.volatileLoad': load('Ptr.volatileLoad'),
  'Ptr.store': store('Ptr.store'),
  'Ptr.volatileStore': store('Ptr.volatileStore'),
  'Ptr.add': {
    targets: 'all',
    type: (ty, e) => {
      const p = pointerArg(ty, e, 0, 'Ptr.add');
      const n = e.arguments[1];
      const nt = ty.type(n, ty.natural(n) ?? I64);
      if (!isInt(nt)) ty.sema.diags.error('TSK1008', n, `Ptr.add counts elements with an integer, not ${typeName(nt)}`);
      return p ?? INT_TYPES.usize;
    },
    natural: (ty, e) => {
      const t = e.arguments[0] && ty.natural(e.arguments[0]);
      return t?.kind === 'ptr' ? t : null;
    },
  },
  'Ptr.diff': {
    targets: 'all',
    type: (ty, e) => {
      const p = pointerArg(ty, e, 0, 'Ptr.diff');
      if (p && e.arguments[1]) ty.expect(e.arguments[1], p, 'the second pointer of Ptr.diff');
      return INT_TYPES.isize;
    },
    natural: () => INT_TYPES.isize,
  },
  addressof: {
    targets: 'all',
    type: (ty, e) => {
      const x = e.arguments[0];
      const t = ty.type(x);
      const problem = pointeeProblem(t) ?? addressable(ty, x, t);
      if (problem) ty.sema.diags.error('TSK1040', x, problem);
      return { kind: 'ptr', elem: t };
    },
    natural: (ty, e) => {
      const t = e.arguments[0] && ty.natural(e.arguments[0]);
      return t ? { kind: 'ptr', elem: t } : null;
    },
  },
};
