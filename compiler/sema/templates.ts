// Templates (docs/language.md §6.2): a template literal passed where a
// `Template` is expected is built by the caller as a descriptor on its own
// stack (no allocation), and the callee walks its pieces with the
// Template.* intrinsics typed here. lower/templates.ts builds descriptors.
import ts = require('typescript');
import type { Sema } from './context.js';
import type { ExprTyper } from './expr.js';
import type { IntrinsicDef } from './intrinsics.js';
import { BOOL, F64, I32, I64, STRING, TEMPLATE, U64, typeName } from './types.js';
import type { MType } from './types.js';

/** Piece kinds, as `TemplatePiece` in runtime/lib/core.d.ts numbers them. */
export const PIECE = { str: 0, int: 1, uint: 2, bool: 3, float: 4 } as const;

/** The kind of piece a substitution of type t makes, or undefined if it cannot be one. */
export function pieceKind(t: MType): number | undefined {
  if (t.kind === 'string') return PIECE.str;
  if (t.kind === 'int') return t.signed ? PIECE.int : PIECE.uint;
  if (t.kind === 'ptr') return PIECE.uint;
  if (t.kind === 'bool') return PIECE.bool;
  if (t.kind === 'float') return PIECE.float;
  return undefined;
}

/**
 * Types `e` where a Template is expected: a template literal (each
 * substitution a piece), a string (one piece), or a Template value.
 */
export function expectTemplate(ty: ExprTyper, e: ts.Expression, what: string): MType {
  const s = ty.sema;
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const t = ty.type(span.expression);
      if (pieceKind(t) === undefined) {
        s.diags.error('TSK1041', span.expression, `a template substitution must be an integer, bool, float or string to be passed as a Template, not ${typeName(t)}`);
      }
    }
    s.exprTypes.set(e, TEMPLATE);
    s.templates.add(e);
    return TEMPLATE;
  }
  const got = ty.type(e, TEMPLATE);
  if (got.kind === 'string') s.templates.add(e);
  else if (got.kind !== 'template' && got.kind !== 'never') {
    s.diags.error('TSK1041', e, `${what} expects a Template (a template literal or a string), not ${typeName(got)}`);
  }
  return TEMPLATE;
}

/** Reports a Template where it could outlive the frame that built it. */
export function checkTemplateStorage(sema: Sema, node: ts.Node, t: MType, where: string): void {
  if (t.kind === 'template') {
    sema.diags.error('TSK1041', node, `a Template lives in the stack frame of the function that built it, so it cannot be ${where}; take it as a parameter and walk its pieces, or pass the values separately`);
  }
}

/** Template.str(t, i) and the other piece readers: the piece's value. */
const reader = (ret: MType): IntrinsicDef => ({
  targets: 'all',
  type: (ty, e) => {
    expectTemplate(ty, e.arguments[0], 'argument 1');
    ty.expect(e.arguments[1], I32, 'the piece index');
    return ret;
  },
  natural: () => ret,
});

export const TEMPLATE_INTRINSICS: Record<string, IntrinsicDef> = {
  'Template.count': {
    targets: 'all',
    type: (ty, e) => {
      expectTemplate(ty, e.arguments[0], 'Template.count');
      return I32;
    },
    natural: () => I32,
  },
  'Template.kind': reader(I32),
  'Template.str': reader(STRING),
  'Template.int': reader(I64),
  'Template.uint': reader(U64),
  'Template.bool': reader(BOOL),
  'Template.float': { ...reader(F64), targets: ['user', 'linux'] },
};
