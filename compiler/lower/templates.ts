// Templates (docs/language.md §6.2; sema/templates.ts types them): the
// caller builds a descriptor in its own stack frame — a u64 piece count,
// then per piece a u64 kind and a u64 value (a string's address, an
// integer extended to 64 bits, a bool as 0/1, an f64's bits) — and the
// Template.* intrinsics read it.
import ts = require('typescript');
import { constant } from '../ir/ir.js';
import type { Value } from '../ir/ir.js';
import { PIECE, pieceKind } from '../sema/templates.js';
import { BOOL, F64, I32, I64, STRING, U64, isFloat, isInt } from '../sema/types.js';
import type { MType } from '../sema/types.js';
import type { FnCtx } from './context.js';
import { panic } from './call.js';
import { boundsCheck, convert, elementAddress, loadOp, lowerExpr, lowerValue } from './expr.js';

/** Bytes per piece: the kind, then the value. */
const PIECE_SIZE = 16;

/** The descriptor of a template literal or of a string (one piece) passed as a Template. */
export function buildTemplate(fx: FnCtx, e: ts.Expression): Value {
  const pieces: { kind: number; value: Value; type: MType }[] = [];
  const text = (s: string): void => {
    if (s) pieces.push({ kind: PIECE.str, value: fx.mod.string(s), type: STRING });
  };
  let inner = e;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (ts.isTemplateExpression(inner)) {
    // Substitutions are evaluated left to right before the descriptor is filled.
    text(inner.head.text);
    for (const span of inner.templateSpans) {
      const type = fx.sema.typeOfExpr(span.expression);
      pieces.push({ kind: pieceKind(type)!, value: lowerExpr(fx, span.expression), type });
      text(span.literal.text);
    }
  } else {
    pieces.push({ kind: PIECE.str, value: lowerValue(fx, e), type: STRING });
  }
  const desc = fx.emit('alloc', 'l', [constant(8 + PIECE_SIZE * pieces.length), constant(8)]);
  fx.effect('storel', 'l', [constant(pieces.length), desc]);
  pieces.forEach((p, i) => {
    const at = elementAddress(fx, desc, constant(i), PIECE_SIZE);
    fx.effect('storel', 'l', [constant(p.kind), at]);
    const slot = fx.emit('add', 'l', [at, constant(8)]);
    if (isFloat(p.type)) fx.effect('stored', 'd', [convert(fx, p.value, p.type, F64), slot]);
    else fx.effect('storel', 'l', [isInt(p.type) || p.type.kind === 'bool' ? convert(fx, p.value, p.type, isInt(p.type) && p.type.signed ? I64 : U64) : p.value, slot]);
  });
  return desc;
}

const READERS: Record<string, { kind: number; type: MType; name: string }> = {
  'Template.str': { kind: PIECE.str, type: STRING, name: 'a string' },
  'Template.int': { kind: PIECE.int, type: I64, name: 'a signed integer' },
  'Template.uint': { kind: PIECE.uint, type: U64, name: 'an unsigned integer' },
  'Template.bool': { kind: PIECE.bool, type: BOOL, name: 'a bool' },
  'Template.float': { kind: PIECE.float, type: F64, name: 'a float' },
};

/** Lowers a Template.* intrinsic; undefined if `name` is not one. */
export function lowerTemplateIntrinsic(fx: FnCtx, e: ts.CallExpression, name: string): Value | undefined {
  const reader = READERS[name];
  if (name !== 'Template.count' && name !== 'Template.kind' && !reader) return undefined;
  const t = lowerExpr(fx, e.arguments[0]);
  if (name === 'Template.count') return fx.emit('trunc', 'w', [fx.emit('loadl', 'l', [t])]);
  const idx = convert(fx, lowerExpr(fx, e.arguments[1]), I32, I64);
  boundsCheck(fx, t, idx, e, false);
  const at = elementAddress(fx, t, idx, PIECE_SIZE);
  const kind = fx.emit('trunc', 'w', [fx.emit('loadl', 'l', [at])]);
  if (!reader) return kind;
  // Reading a piece as another kind would reinterpret its bits: it panics.
  const ok = fx.newBlock('piece.ok');
  const bad = fx.newBlock('piece.bad');
  fx.branch(fx.emit('ceq', 'w', [kind, constant(reader.kind)], { argCls: 'w' }), ok, bad);
  fx.enter(bad);
  panic(fx, fx.mod.string(`template piece is not ${reader.name}`), e);
  fx.enter(ok);
  const slot = fx.emit('add', 'l', [at, constant(8)]);
  return fx.emit(loadOp(reader.type), reader.type.kind === 'float' ? 'd' : reader.type.kind === 'bool' ? 'w' : 'l', [slot]);
}
