// Null references (docs/language.md §2): the `null` literal, `x!`, `??`,
// `??=` and optional chains (`a?.f`, `a?.m()`). A reference type's null is
// the address 0; TypeScript's strictNullChecks has already checked every use,
// and narrowed `C | null` to `C` where the program tested it.
import ts = require('typescript');
import type { ExprTyper } from './expr.js';
import { isReference, typeName } from './types.js';
import type { MType } from './types.js';

const K = ts.SyntaxKind;

/** `null`: a value of the reference type its context expects. */
export function typeNull(ty: ExprTyper, e: ts.Expression, expected?: MType): MType {
  if (expected && isReference(expected)) return expected;
  const what = expected ? `a value of type ${typeName(expected)}` : 'a value with no declared type';
  ty.sema.diags.error('TSK1012', e, `null is used as ${what}; only references (classes, arrays, strings, interfaces, function types) can be null; declare the type, e.g. 'let n: Node | null = null', or use a sentinel such as -1 for numbers`);
  return expected ?? { kind: 'void' };
}

/** `a ?? b`: both sides have one type; a left optional chain short-circuits to b. */
export function typeCoalesce(ty: ExprTyper, e: ts.BinaryExpression, expected?: MType): MType {
  const t = ty.natural(e.left) ?? ty.natural(e.right) ?? expected;
  if (!t) {
    ty.type(e.left);
    ty.type(e.right);
    ty.sema.diags.error('TSK1012', e, `cannot tell the type of '??' from null on both sides; declare it`);
    return { kind: 'void' };
  }
  ty.expect(e.left, t, `'??'`);
  ty.expect(e.right, t, `'??'`);
  return t;
}

/** `x ??= v`: assigns when x is null (never, for a non-reference). */
export function typeCoalesceAssign(ty: ExprTyper, e: ts.BinaryExpression): MType {
  const t = ty.assignTarget(e.left);
  ty.expect(e.right, t, `'??='`);
  return t;
}

/**
 * `chain == null` or `chain != null` where the chain ends in a number, a
 * bool or another value that is never null: it is null (undefined) only
 * when the chain stops, so the test is whether it stops. Returns whether
 * `e` is such a test; a chain ending in a reference compares addresses
 * like any reference instead.
 */
export function typeChainNullTest(ty: ExprTyper, e: ts.BinaryExpression): boolean {
  const op = e.operatorToken.kind;
  if (op !== K.EqualsEqualsToken && op !== K.ExclamationEqualsToken) return false;
  const [chain, other] = isNullLiteral(e.right) ? [e.left, e.right] : [e.right, e.left];
  if (!isNullLiteral(other) || !isChainRoot(skipParens(chain))) return false;
  const n = ty.natural(chain);
  if (!n || isReference(n)) return false;
  ty.type(chain);
  ty.sema.exprTypes.set(other, n);
  ty.sema.chainNullTests.add(e);
  return true;
}

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The outermost node of an optional chain (`a?.b.c` as a whole). */
export function isChainRoot(e: ts.Node): boolean {
  if (!ts.isOptionalChain(e)) return false;
  const p = e.parent;
  return !(ts.isOptionalChain(p) && (p as ts.PropertyAccessExpression | ts.CallExpression).expression === e);
}

/** Whether `e` is `null` (through parentheses). */
export function isNullLiteral(e: ts.Expression): boolean {
  return skipParens(e).kind === K.NullKeyword;
}

/**
 * An optional chain is `undefined` when it short-circuits, which tskc
 * cannot hold in a variable. Its value may be discarded, tested as a
 * condition (undefined is falsy), compared loosely with null
 * (`== null`, `!= null`: undefined == null) or replaced with `??`.
 */
export function checkChainContext(ty: ExprTyper, e: ts.Expression, isConditionLeaf: boolean): void {
  let n: ts.Node = e;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (isConditionLeaf || ts.isExpressionStatement(p)) return;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (op === K.QuestionQuestionToken && p.left === n) return;
    const other = p.left === n ? p.right : p.left;
    if ((op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) && isNullLiteral(other)) return;
  }
  ty.sema.diags.error('TSK1013', e, `'${e.getText()}' is undefined when the chain stops at null, and tskc has no undefined value; write '${e.getText()} ?? <default>', test it as a condition, or compare it with '!= null'`);
}
