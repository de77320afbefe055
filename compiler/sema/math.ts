// Typing of the Math intrinsics (docs/language.md §3.2.1; process targets):
// abs, min and max on any number type, the f64 functions tskc computes
// exactly as JavaScript does, the constants PI and E, and a diagnostic for
// the functions it cannot compute bit for bit yet. lower/math.ts lowers them.
import ts = require('typescript');
import type { Sema } from './context.js';
import type { IntrinsicDef } from './intrinsics.js';
import { F64, isNumeric, typeName } from './types.js';
import { isFloatConstant } from './consteval.js';
import type { MType } from './types.js';

const PROCESS: IntrinsicDef['targets'] = ['user', 'linux'];

/** The value of `Math.PI` or `Math.E`, if e names one. */
export function mathConstant(sema: Sema, e: ts.PropertyAccessExpression): number | undefined {
  const decl = sema.symbolOf(e.name)?.valueDeclaration;
  const name = decl && ts.isVariableDeclaration(decl) ? sema.intrinsicName(decl) : undefined;
  return name === 'Math.PI' ? Math.PI : name === 'Math.E' ? Math.E : undefined;
}

/** abs, min, max: every argument has the type of the first typed one. */
const generic: IntrinsicDef = {
  targets: PROCESS,
  type: (ty, e, _decl, expected) => {
    const first = e.arguments.map((a) => ty.natural(a)).find((t) => t);
    const t: MType = first ?? (expected && isNumeric(expected) ? expected : ty.listType(e.arguments));
    if (!e.arguments.length) ty.sema.diags.error('TSK1042', e, `${e.expression.getText()} needs at least one argument`);
    e.arguments.forEach((a) => ty.expect(a, t, e.expression.getText()));
    if (!isNumeric(t)) ty.sema.diags.error('TSK1008', e, `${e.expression.getText()} takes numbers, not ${typeName(t)}`);
    return t;
  },
  // Untyped arguments: an integer constant stays untyped; a float one makes an f64.
  natural: (ty, e) => e.arguments.map((a) => ty.natural(a)).find((t) => t) ?? (e.arguments.some(isFloatConstant) ? F64 : null),
};

const unary: IntrinsicDef = {
  targets: PROCESS,
  type: (ty, e) => {
    if (e.arguments[0]) ty.expect(e.arguments[0], F64, e.expression.getText());
    return F64;
  },
  natural: () => F64,
};

export const MATH_INTRINSICS: Record<string, IntrinsicDef> = {
  'Math.abs': generic,
  'Math.min': generic,
  'Math.max': generic,
  'Math.sqrt': unary,
  'Math.floor': unary,
  'Math.ceil': unary,
  'Math.trunc': unary,
  'Math.round': unary,
  'Math.sign': unary,
  'Math.unsupported': {
    targets: PROCESS,
    type: (ty, e) => {
      ty.sema.diags.error('TSK1042', e.expression, `${e.expression.getText()} is not available: tskc cannot yet compute it bit for bit as JavaScript does; Math has abs, min, max, sqrt, floor, ceil, trunc, round, sign, PI and E`);
      e.arguments.forEach((a) => ty.type(a));
      return F64;
    },
    natural: () => F64,
  },
};
