// Compile-time evaluation of constant expressions: integer literals, const
// globals with constant values, and operators over them (used to fold global
// initialisers into data and to check that literals fit their types); and
// float constants, made of literals only, folded where they are used.
import ts = require('typescript');
import type { Sema } from './context.js';
import { isInt, wrapTo } from './types.js';
import type { IntType } from './types.js';

/**
 * The exact value of an integer literal, or undefined for a float literal.
 * A literal with no decimal point and no negative exponent is an integer:
 * `1e6` is 1000000, while `1.0` and `1e-3` are floats.
 */
export function literalValue(node: ts.NumericLiteral): bigint | undefined {
  const text = node.getText().replace(/_/g, '');
  if (/^0[xob]/i.test(text)) return BigInt(text);
  if (/^\d+$/.test(text)) return BigInt(text);
  const exp = /^(\d+)e\+?(\d+)$/i.exec(text);
  // Beyond 10^40 no integer type holds it: it is a float (maybe Infinity).
  if (exp && Number(exp[2]) <= 40) return BigInt(exp[1]) * 10n ** BigInt(exp[2]);
  return undefined;
}

/**
 * Whether a numeric literal reads as a float: `1.5`, `1e-3`, and one in
 * exponent form (`1e6`), which is an integer only where one is expected.
 */
export function readsAsFloat(node: ts.NumericLiteral): boolean {
  const text = node.getText();
  return literalValue(node) === undefined || (/e/i.test(text) && !/^0x/i.test(text));
}

/**
 * Whether `e`, an expression of literals and operators, has a float
 * literal: it is then an f64 unless a float type is expected (§3.1).
 */
export function isFloatConstant(e: ts.Expression): boolean {
  if (ts.isNumericLiteral(e)) return readsAsFloat(e);
  if (ts.isParenthesizedExpression(e)) return isFloatConstant(e.expression);
  if (ts.isPrefixUnaryExpression(e)) return isFloatConstant(e.operand);
  if (ts.isBinaryExpression(e)) return isFloatConstant(e.left) || isFloatConstant(e.right);
  if (ts.isConditionalExpression(e)) return isFloatConstant(e.whenTrue) || isFloatConstant(e.whenFalse);
  return false;
}

/**
 * The value of a float constant: literals under `+ - * / %` and unary
 * `-`/`+`, computed in f64 as JavaScript does (an f32 constant is then
 * rounded once, as Math.fround). Undefined for anything else; `**` is
 * left to the run time, whose results are correctly rounded (V8's are not
 * always).
 */
export function floatConstValue(e: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.getText().replace(/_/g, ''));
  if (ts.isParenthesizedExpression(e)) return floatConstValue(e.expression);
  if (ts.isPrefixUnaryExpression(e)) {
    const v = floatConstValue(e.operand);
    if (v === undefined) return undefined;
    return e.operator === ts.SyntaxKind.MinusToken ? -v : e.operator === ts.SyntaxKind.PlusToken ? v : undefined;
  }
  if (!ts.isBinaryExpression(e)) return undefined;
  const a = floatConstValue(e.left);
  const b = floatConstValue(e.right);
  if (a === undefined || b === undefined) return undefined;
  switch (e.operatorToken.kind) {
    case ts.SyntaxKind.PlusToken:
      return a + b;
    case ts.SyntaxKind.MinusToken:
      return a - b;
    case ts.SyntaxKind.AsteriskToken:
      return a * b;
    case ts.SyntaxKind.SlashToken:
      return a / b;
    case ts.SyntaxKind.PercentToken:
      return a % b;
    default:
      return undefined;
  }
}

/**
 * The value of `e` if it is a constant expression. With `t`, operators wrap
 * to that type as the machine would; without it the value is exact (used for
 * untyped literal expressions, which are range-checked instead).
 */
export function constValue(sema: Sema, e: ts.Expression, t?: IntType): bigint | undefined {
  const wrap = (v: bigint): bigint => (t ? wrapTo(t, v) : v);
  if (ts.isParenthesizedExpression(e)) return constValue(sema, e.expression, t);
  if (ts.isNumericLiteral(e)) return literalValue(e);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return 1n;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return 0n;
  if (ts.isIdentifier(e)) {
    const s = sema.symbolOf(e);
    const g = s && sema.globals.get(s);
    return g && g.isConst ? g.value : undefined;
  }
  if (ts.isAsExpression(e)) return constValue(sema, e.expression, t);
  if (ts.isPropertyAccessExpression(e)) {
    const sym = sema.symbolOf(e.name);
    const g = sym && sema.globals.get(sym);
    if (g) return g.isConst ? g.value : undefined;
    if (sym && sym.flags & ts.SymbolFlags.EnumMember && sym.valueDeclaration) {
      const v = sema.checker.getConstantValue(sym.valueDeclaration as ts.EnumMember);
      return typeof v === 'number' ? BigInt(v) : undefined;
    }
  }
  if (ts.isPrefixUnaryExpression(e)) {
    const v = constValue(sema, e.operand, t);
    if (v === undefined) return undefined;
    switch (e.operator) {
      case ts.SyntaxKind.MinusToken:
        return wrap(-v);
      case ts.SyntaxKind.PlusToken:
        return v;
      case ts.SyntaxKind.TildeToken:
        return wrap(~v);
      default:
        return undefined;
    }
  }
  if (ts.isBinaryExpression(e)) {
    const a = constValue(sema, e.left, t);
    const b = constValue(sema, e.right, t);
    if (a === undefined || b === undefined) return undefined;
    const bits = t ? BigInt(t.bits) : 64n;
    switch (e.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
        return wrap(a + b);
      case ts.SyntaxKind.MinusToken:
        return wrap(a - b);
      case ts.SyntaxKind.AsteriskToken:
        return wrap(a * b);
      case ts.SyntaxKind.AsteriskAsteriskToken:
        return b >= 0n && b <= 4096n ? wrap(a ** b) : undefined;
      case ts.SyntaxKind.SlashToken:
        return b === 0n ? undefined : wrap(a / b);
      case ts.SyntaxKind.PercentToken:
        return b === 0n ? undefined : wrap(a % b);
      case ts.SyntaxKind.AmpersandToken:
        return wrap(a & b);
      case ts.SyntaxKind.BarToken:
        return wrap(a | b);
      case ts.SyntaxKind.CaretToken:
        return wrap(a ^ b);
      case ts.SyntaxKind.LessThanLessThanToken:
        return wrap(a << (b & (bits - 1n)));
      case ts.SyntaxKind.GreaterThanGreaterThanToken:
        return wrap(a >> (b & (bits - 1n)));
      case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
        return t && isInt(t) ? wrap(BigInt.asUintN(t.bits, a) >> (b & (bits - 1n))) : undefined;
      default:
        return undefined;
    }
  }
  return undefined;
}
