// Static ifs (docs/language.md §5): an `if` whose condition is made of type
// queries (isInteger<T>(), isString<T>() …, sema/intrinsics.ts), `!`, `&&`,
// `||`, and sizeof/alignof<T>() compared with constants is decided when
// compiling. Inside a generic instance only the taken branch is typed and
// lowered, so each branch may use what only its types allow (changetype<u64>
// of a 64-bit key, a string's bytes) as AssemblyScript's library does.
import ts = require('typescript');
import type { Sema } from './context.js';
import { constValue } from './consteval.js';
import { TYPE_QUERIES } from './intrinsics.js';

/** The value of a static condition, or undefined if `e` is not one. Its calls must already be typed. */
export function staticCondition(sema: Sema, e: ts.Expression): boolean | undefined {
  const v = evaluate(sema, e);
  return v !== undefined && v.query ? v.value !== 0n : undefined;
}

interface Static {
  value: bigint;
  /** Whether a type query or layout query is part of it (a plain constant is not a static if). */
  query: boolean;
}

function evaluate(sema: Sema, e: ts.Expression): Static | undefined {
  if (ts.isParenthesizedExpression(e)) return evaluate(sema, e.expression);
  if (ts.isCallExpression(e)) {
    const i = sema.intrinsics.get(e);
    return i && i.value !== undefined && (i.name in TYPE_QUERIES || i.name === 'sizeof' || i.name === 'alignof') ? { value: i.value, query: true } : undefined;
  }
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const v = evaluate(sema, e.operand);
    return v && { value: v.value === 0n ? 1n : 0n, query: v.query };
  }
  if (ts.isBinaryExpression(e)) {
    const a = evaluate(sema, e.left);
    const b = evaluate(sema, e.right);
    if (!a || !b) return undefined;
    const query = a.query || b.query;
    const bool = (x: boolean): Static => ({ value: x ? 1n : 0n, query });
    switch (e.operatorToken.kind) {
      case ts.SyntaxKind.AmpersandAmpersandToken:
        return bool(a.value !== 0n && b.value !== 0n);
      case ts.SyntaxKind.BarBarToken:
        return bool(a.value !== 0n || b.value !== 0n);
      case ts.SyntaxKind.EqualsEqualsToken:
      case ts.SyntaxKind.EqualsEqualsEqualsToken:
        return bool(a.value === b.value);
      case ts.SyntaxKind.ExclamationEqualsToken:
      case ts.SyntaxKind.ExclamationEqualsEqualsToken:
        return bool(a.value !== b.value);
      case ts.SyntaxKind.LessThanToken:
        return bool(a.value < b.value);
      case ts.SyntaxKind.GreaterThanToken:
        return bool(a.value > b.value);
      case ts.SyntaxKind.LessThanEqualsToken:
        return bool(a.value <= b.value);
      case ts.SyntaxKind.GreaterThanEqualsToken:
        return bool(a.value >= b.value);
      default:
        return undefined;
    }
  }
  const c = constValue(sema, e);
  return c === undefined ? undefined : { value: c, query: false };
}
