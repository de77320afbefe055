// Expression typing: tskc's integer typing on top of TypeScript's checker.
// TypeScript says `a + b` is `number`; tskc says it is the operands' machine
// type, rejects mixing widths, and gives literals the type their context
// expects (i32 when nothing does). See docs/language.md §3.
//
// `natural(e)` is the type an expression has on its own (null for untyped
// constant expressions such as `1 + 2` or `1.5 - 3.0`, which take the type
// their context expects); `type(e, expected)` records the final type of
// every node and reports what is wrong.
import ts = require('typescript');
import type { Sema } from './context.js';
import { constValue, floatConstValue, isFloatConstant, literalValue } from './consteval.js';
import { call, funcType, functionNamed, naturalOfCall } from './calls.js';
import { accessorOf, arrayLiteral, classOfNew, element, instanceOf, newExpr, property } from './objects.js';
import { unsupportedMessage } from './unsupported.js';
import { expectTemplate } from './templates.js';
import { mathConstant } from './math.js';
import { enclosingClass, fieldOf } from './classes.js';
import type { FuncInfo } from './context.js';
import { checkChainContext, isChainRoot, typeChainNullTest, typeCoalesce, typeCoalesceAssign, typeNull } from './nullable.js';
import { BOOL, F64, I32, I64, INT_TYPES, STRING, assignable, intRange, isFloat, isInt, isNumeric, isReference, sameType, typeName } from './types.js';
import type { IntType, MType } from './types.js';

const K = ts.SyntaxKind;

const ARITH = new Set([
  K.PlusToken, K.MinusToken, K.AsteriskToken, K.SlashToken, K.PercentToken,
  K.AmpersandToken, K.BarToken, K.CaretToken,
]);
const SHIFTS = new Set([K.LessThanLessThanToken, K.GreaterThanGreaterThanToken, K.GreaterThanGreaterThanGreaterThanToken]);
const COMPARE = new Set([
  K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken,
  K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken, K.ExclamationEqualsEqualsToken,
]);
const LOGICAL = new Set([K.AmpersandAmpersandToken, K.BarBarToken]);

/** Compound assignment operator → the binary operator it applies. */
export const COMPOUND: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [K.PlusEqualsToken]: K.PlusToken,
  [K.MinusEqualsToken]: K.MinusToken,
  [K.AsteriskEqualsToken]: K.AsteriskToken,
  [K.AsteriskAsteriskEqualsToken]: K.AsteriskAsteriskToken,
  [K.SlashEqualsToken]: K.SlashToken,
  [K.PercentEqualsToken]: K.PercentToken,
  [K.AmpersandEqualsToken]: K.AmpersandToken,
  [K.BarEqualsToken]: K.BarToken,
  [K.CaretEqualsToken]: K.CaretToken,
  [K.LessThanLessThanEqualsToken]: K.LessThanLessThanToken,
  [K.GreaterThanGreaterThanEqualsToken]: K.GreaterThanGreaterThanToken,
  [K.GreaterThanGreaterThanGreaterThanEqualsToken]: K.GreaterThanGreaterThanGreaterThanToken,
};

export const isShift = (op: ts.SyntaxKind): boolean => SHIFTS.has(op);
export const isCompare = (op: ts.SyntaxKind): boolean => COMPARE.has(op);
export const isLogical = (op: ts.SyntaxKind): boolean => LOGICAL.has(op);
export const isArith = (op: ts.SyntaxKind): boolean => ARITH.has(op);

function fits(t: IntType, v: bigint): boolean {
  const [lo, hi] = intRange(t);
  return v >= lo && v <= hi;
}

export class ExprTyper {
  /** Types a function body (set by the pass; used to type generic instances on demand). */
  typeBody: (f: FuncInfo) => void = () => {};

  constructor(readonly sema: Sema) {}

  /**
   * The type `e` has regardless of context; null for untyped constants.
   * Each operator asks it of its operands, so it is remembered per node
   * (in the current BodyFacts: a generic instance's differ), else long
   * chains (`a + b + … + z`) would take quadratic time. A type, once
   * found, stays; "no type" is remembered only once declarations are
   * complete and no class is being laid out, since before that it may
   * change as globals, methods and fields become known.
   */
  natural(e: ts.Expression): MType | null {
    const s = this.sema;
    const known = s.facts.naturals.get(e);
    if (known !== undefined) return known;
    const n = this.computeNatural(e);
    const t = n && this.narrow(e, n);
    if (t || (s.declarationsDone && s.definingClasses === 0)) s.facts.naturals.set(e, t);
    return t;
  }

  /**
   * A variable or field of class or interface type that TypeScript has
   * narrowed to a subclass (after `x instanceof C`) has that class's type;
   * the value is the same address.
   */
  private narrow(e: ts.Expression, t: MType): MType {
    if ((t.kind !== 'class' && t.kind !== 'iface') || !(ts.isIdentifier(e) || ts.isPropertyAccessExpression(e))) return t;
    const n = this.sema.mtypeOf(this.sema.checker.getTypeAtLocation(e));
    return n?.kind === 'class' && !sameType(n, t) && assignable(n, t) ? n : t;
  }

  private computeNatural(e: ts.Expression): MType | null {
    const s = this.sema;
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) return this.natural(e.expression);
    // A literal is untyped: 1.5 is an f32 where one is expected, 1e6 an integer (constantType).
    if (ts.isNumericLiteral(e)) return null;
    if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) return BOOL;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return STRING;
    if (ts.isIdentifier(e)) {
      const sym = s.symbolOf(e);
      if (!sym) return null;
      const fn = functionNamed(this, sym);
      if (fn) return funcType(this, fn);
      return s.locals.get(sym) ?? s.globals.get(sym)?.type ?? null;
    }
    if (ts.isPrefixUnaryExpression(e)) return e.operator === K.ExclamationToken ? BOOL : this.natural(e.operand);
    if (ts.isPostfixUnaryExpression(e)) return this.natural(e.operand);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (COMPARE.has(op) || LOGICAL.has(op) || op === K.InstanceOfKeyword) return BOOL;
      if (op === K.CommaToken) return this.natural(e.right);
      if (op === K.EqualsToken || COMPOUND[op] || SHIFTS.has(op)) return this.natural(e.left);
      return this.natural(e.left) ?? this.natural(e.right);
    }
    if (ts.isConditionalExpression(e)) return this.natural(e.whenTrue) ?? this.natural(e.whenFalse);
    if (ts.isAsExpression(e)) return s.mtypeOf(s.checker.getTypeFromTypeNode(e.type)) ?? null;
    if (ts.isCallExpression(e)) return naturalOfCall(this, e);
    if (ts.isPropertyAccessExpression(e)) {
      if (this.enumMember(e) !== undefined) return I32;
      if (mathConstant(s, e) !== undefined) return F64;
      const sym = s.symbolOf(e.name);
      const g = sym && s.globals.get(sym);
      if (g) return g.type;
      const owner = this.natural(e.expression);
      const acc = accessorOf(this, e, owner?.kind === 'class' ? owner.info : undefined);
      if (acc) return acc.type;
      if (owner?.kind === 'class' && sym) return fieldOf(owner.info, sym)?.type ?? null;
      if (e.name.text === 'length') return I32;
    }
    if (e.kind === K.ThisKeyword) {
      const c = enclosingClass(s, e);
      return c ? { kind: 'class', info: c } : null;
    }
    if (ts.isNewExpression(e)) {
      const c = classOfNew(this, e);
      if (c) return { kind: 'class', info: c };
      return s.mtypeOf(s.checker.getTypeAtLocation(e)) ?? null;
    }
    if (ts.isElementAccessExpression(e)) {
      const a = this.natural(e.expression);
      return a?.kind === 'array' ? a.elem : a?.kind === 'string' ? STRING : null;
    }
    if (ts.isArrayLiteralExpression(e)) {
      return { kind: 'array', elem: this.listType(e.elements) };
    }
    return null;
  }

  /** The value of `E.member` when it names a numeric enum member. */
  enumMember(e: ts.PropertyAccessExpression): number | undefined {
    const sym = this.sema.symbolOf(e.name);
    if (!sym || !(sym.flags & ts.SymbolFlags.EnumMember) || !sym.valueDeclaration) return undefined;
    const v = this.sema.checker.getConstantValue(sym.valueDeclaration as ts.EnumMember);
    return typeof v === 'number' ? v : undefined;
  }

  /** The expression `condition` is typing as a leaf (where an optional chain may stop). */
  private conditionLeaf?: ts.Expression;

  /** Types `e` (with the type its context expects, if any) and records it. */
  type(e: ts.Expression, expected?: MType): MType {
    const t = this.narrow(e, this.compute(e, expected));
    this.sema.exprTypes.set(e, t);
    if (isChainRoot(e)) checkChainContext(this, e, e === this.conditionLeaf);
    return t;
  }

  /** Types `e` and reports a diagnostic unless it has type `want`. */
  expect(e: ts.Expression, want: MType, what: string): MType {
    if (want.kind === 'template') return expectTemplate(this, e, what);
    const got = this.type(e, want);
    if (assignable(got, want) || got.kind === 'never') return got;
    if (got.kind === 'template') {
      this.sema.diags.error('TSK1041', e, `${what} expects ${typeName(want)}; a Template is not a string (it is a list of pieces): walk it with Template.count/kind/str/int…, or print it with console.log`);
    } else if (isInt(got) && isInt(want)) {
      this.sema.diags.error('TSK1003', e, `${what} expects ${want.name} but this is ${got.name}; convert explicitly, e.g. ${want.name}(…)`);
    } else {
      this.sema.diags.error('TSK1008', e, `${what} expects ${typeName(want)} but this is ${typeName(got)}`);
    }
    return want;
  }

  /**
   * Types a condition: bool, an integer compared with zero, or a reference
   * other than a string (true unless null, as in JavaScript). `!`, `&&` and
   * `||` inside a condition take conditions too (`if (n && n.ok)`).
   */
  condition(e: ts.Expression): void {
    const s = this.sema;
    if (ts.isParenthesizedExpression(e) || (ts.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) ||
      (ts.isBinaryExpression(e) && LOGICAL.has(e.operatorToken.kind))) {
      const parts = ts.isParenthesizedExpression(e) ? [e.expression] : ts.isBinaryExpression(e) ? [e.left, e.right] : [(e as ts.PrefixUnaryExpression).operand];
      for (const x of parts) this.condition(x);
      s.exprTypes.set(e, ts.isParenthesizedExpression(e) ? s.typeOfExpr(e.expression) : BOOL);
      return;
    }
    this.conditionLeaf = e;
    const t = this.type(e);
    this.conditionLeaf = undefined;
    if (t.kind !== 'bool' && t.kind !== 'int' && t.kind !== 'ptr' && (!isReference(t) || t.kind === 'string')) {
      const hint = t.kind === 'string' ? `; compare it, e.g. s.length != 0` : isFloat(t) ? '; compare it, e.g. x != 0' : '';
      s.diags.error('TSK1008', e, `a condition must be bool, an integer, a pointer or a reference that may be null, not ${typeName(t)}${hint}`);
    }
  }

  private compute(e: ts.Expression, expected?: MType): MType {
    const s = this.sema;
    if (ts.isParenthesizedExpression(e)) return this.type(e.expression, expected);
    if (ts.isNumericLiteral(e)) return this.literal(e, literalValue(e), expected);
    if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) return BOOL;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return STRING;
    if (ts.isIdentifier(e)) return this.identifier(e);
    if (e.kind === K.NullKeyword) return typeNull(this, e, expected);
    if (ts.isNonNullExpression(e)) return this.type(e.expression, expected);
    if (ts.isPrefixUnaryExpression(e)) return this.prefix(e, expected);
    if (ts.isPostfixUnaryExpression(e)) return this.increment(e, e.operand);
    if (ts.isBinaryExpression(e)) return this.binary(e, expected);
    if (ts.isConditionalExpression(e)) {
      this.condition(e.condition);
      // An expected base class or interface takes both branches (k ? new B() : new A() as an A).
      const base = expected?.kind === 'class' || expected?.kind === 'iface' ? expected : undefined;
      const t = base ?? this.natural(e.whenTrue) ?? this.natural(e.whenFalse) ?? expected ?? this.constantType(e);
      this.expect(e.whenTrue, t, "the '?' branch");
      this.expect(e.whenFalse, t, "the ':' branch");
      return t;
    }
    if (ts.isAsExpression(e)) return this.assertion(e, s.typeFromNode(e.type));
    if (ts.isCallExpression(e)) return call(this, e, expected);
    if (ts.isPropertyAccessExpression(e)) {
      const t = property(this, e);
      if (t) return t;
    }
    if (e.kind === K.ThisKeyword) {
      const c = enclosingClass(s, e);
      if (c) return { kind: 'class', info: c };
    }
    if (ts.isNewExpression(e)) return newExpr(this, e, expected);
    if (ts.isElementAccessExpression(e)) return element(this, e);
    if (ts.isArrayLiteralExpression(e)) return arrayLiteral(this, e, expected);
    s.diags.error('TSK1001', e, unsupportedMessage(e));
    return expected ?? I32;
  }

  /** The type a declaration without a type annotation gets from its initializer. */
  declaredType(init: ts.Expression): MType {
    return this.natural(init) ?? this.constantType(init);
  }

  /**
   * The type of an untyped constant expression used where nothing expects
   * one: f64 if it has a float literal, else i32 (i64/u64 if too big).
   */
  constantType(e: ts.Expression): MType {
    if (isFloatConstant(e)) {
      this.sema.checkFloatAllowed(e, F64);
      return F64;
    }
    const v = constValue(this.sema, e);
    return (v !== undefined && [I32, I64, INT_TYPES.u64].find((c) => fits(c, v))) || I32;
  }

  /**
   * The type of values that share one (array elements): the first typed
   * one's, which the constants among them take; for constants only, f64 if
   * one is a float, else i32.
   */
  listType(values: readonly ts.Expression[]): MType {
    const typed = values.map((v) => this.natural(v)).find((t) => t);
    if (typed) return typed;
    const float = values.find(isFloatConstant);
    return float ? this.constantType(float) : I32;
  }

  /** A literal gets the expected integer type, else i32 (i64/u64 if too big). */
  private literal(e: ts.Expression, v: bigint | undefined, expected?: MType): MType {
    if (expected && isFloat(expected)) return expected;
    // An address literal for a pointer (`const vga: Ptr<u16> = 0xb8000`) is a usize.
    if (expected?.kind === 'ptr') {
      this.literal(e, v, INT_TYPES.usize);
      return expected;
    }
    const text = e.getText();
    const exponentForm = /e/i.test(text) && !/^-?0x/i.test(text);
    if (v === undefined || (exponentForm && !(expected && isInt(expected)))) {
      if (expected && isInt(expected)) {
        const tooBig = exponentForm && !/e-/i.test(text);
        if (tooBig) this.sema.diags.error('TSK1004', e, `${text} does not fit in ${expected.name}`);
        else this.sema.diags.error('TSK1008', e, `${text} is not an integer; ${expected.name} holds integers only`);
        return expected;
      }
      this.sema.checkFloatAllowed(e, F64);
      return F64;
    }
    let t: IntType;
    if (expected && isInt(expected)) t = expected;
    else t = [I32, I64, INT_TYPES.u64].find((c) => fits(c, v)) ?? I64;
    if (!fits(t, v)) {
      const [lo, hi] = intRange(t);
      this.sema.diags.error('TSK1004', e, `${v} does not fit in ${t.name} (${lo} to ${hi})`);
    }
    return t;
  }

  private identifier(e: ts.Identifier): MType {
    const s = this.sema;
    const sym = s.symbolOf(e);
    const t = sym && (s.locals.get(sym) ?? s.globals.get(sym)?.type);
    if (t) return t;
    const fn = sym && functionNamed(this, sym);
    if (fn) {
      s.funcRefs.set(e, fn);
      return funcType(this, fn);
    }
    const decl = sym?.valueDeclaration;
    if (e.text === 'undefined') s.diags.error('TSK1001', e, `'undefined' is not a value in tskc; use 0 or a bool`);
    else if (decl && s.generics.has(decl)) s.diags.error('TSK1007', e, `'${e.text}' is a generic function, which is not a value (each instance is a function of its own); call it, or pass a non-generic function`);
    else s.diags.error('TSK1007', e, `'${e.text}' is not a variable tskc knows`);
    return I32;
  }

  private prefix(e: ts.PrefixUnaryExpression, expected?: MType): MType {
    const op = e.operator;
    if (op === K.PlusPlusToken || op === K.MinusMinusToken) return this.increment(e, e.operand);
    if (op === K.ExclamationToken) {
      this.condition(e.operand);
      return BOOL;
    }
    // -LITERAL is checked as one value, so -2147483648 is a valid i32.
    if (op === K.MinusToken && ts.isNumericLiteral(e.operand) && !(expected && isFloat(expected)) && literalValue(e.operand) !== undefined) {
      const v = literalValue(e.operand);
      const t = this.literal(e, v === undefined ? undefined : -v, expected);
      this.sema.exprTypes.set(e.operand, t);
      return t;
    }
    const t = this.natural(e.operand) ?? (expected && isNumeric(expected) ? expected : this.constantType(e.operand));
    const got = this.expect(e.operand, t, `unary '${ts.tokenToString(op)}'`);
    const ok = isInt(got) || (isFloat(got) && op !== K.TildeToken);
    if (!ok) this.sema.diags.error('TSK1008', e, `unary '${ts.tokenToString(op)}' needs ${op === K.TildeToken ? 'an integer' : 'a number'}, not ${typeName(got)}`);
    // -(1) must fit as -1 does; ~ flips bits, so ~0xfff is a u64 mask.
    return op === K.MinusToken ? this.checkConstant(e, got) : got;
  }

  private increment(e: ts.Expression, target: ts.Expression): MType {
    const t = this.assignTarget(target);
    if (!isNumeric(t)) this.sema.diags.error('TSK1008', e, `'++' and '--' need a numeric variable`);
    return t;
  }

  /** Checks that `e` names an assignable variable and returns its type. */
  assignTarget(e: ts.Expression): MType {
    const s = this.sema;
    let inner = e;
    while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
    if (ts.isIdentifier(inner)) {
      const sym = s.symbolOf(inner);
      const decl = sym?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.parent.flags & ts.NodeFlags.Const) {
        s.diags.error('TSK1009', e, `'${inner.text}' is a const; declare it with 'let' to assign it`);
      }
      return this.type(e);
    }
    if (ts.isElementAccessExpression(inner)) return this.type(inner);
    if (ts.isPropertyAccessExpression(inner)) {
      const t = this.type(inner);
      const sym = s.symbolOf(inner.name);
      if (s.fieldAccess.has(inner) || s.accessors.has(inner) || (sym && s.globals.has(sym))) return t;
    }
    s.diags.error('TSK1009', e, `only variables, fields and static fields can be assigned`);
    return I32;
  }

  private binary(e: ts.BinaryExpression, expected?: MType): MType {
    const op = e.operatorToken.kind;
    const opText = ts.tokenToString(op) ?? '?';
    if (op === K.CommaToken) {
      this.type(e.left);
      return this.type(e.right, expected);
    }
    if (op === K.QuestionQuestionToken) return typeCoalesce(this, e, expected);
    if (op === K.InstanceOfKeyword) return instanceOf(this, e);
    if (op === K.QuestionQuestionEqualsToken) return typeCoalesceAssign(this, e);
    if (LOGICAL.has(op)) {
      this.expect(e.left, BOOL, `'${opText}'`);
      this.expect(e.right, BOOL, `'${opText}'`);
      return BOOL;
    }
    if (op === K.EqualsToken) {
      const t = this.assignTarget(e.left);
      this.expect(e.right, t, 'the assignment');
      return t;
    }
    const compound = COMPOUND[op];
    if (compound) {
      const t = this.assignTarget(e.left);
      if (SHIFTS.has(compound) || (compound === K.AsteriskAsteriskToken && isInt(t))) this.shiftCount(e.right, t);
      else this.expect(e.right, t, `'${opText}'`);
      if (isFloat(t)) return this.floatArith(e, compound, t);
      if (!isInt(t)) this.sema.diags.error('TSK1008', e, `'${opText}' needs a numeric variable`);
      return t;
    }
    if (COMPARE.has(op)) {
      if (typeChainNullTest(this, e)) return BOOL;
      const ln = this.natural(e.left);
      const rn = this.natural(e.right);
      // A pointer compared with a usize (or a pointer of another type, which tsc rejects) compares addresses.
      const t = ln?.kind === 'ptr' && rn && rn.kind !== 'ptr' ? rn : (ln ?? rn ?? this.constantType(e));
      this.expect(e.left, t, `'${opText}'`);
      this.expect(e.right, t, `'${opText}'`);
      const equality = op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken;
      if (t.kind === 'string' && !equality) this.sema.diags.error('TSK1001', e, `strings can be compared with === and !== only; compare bytes with charCodeAt for ordering`);
      return BOOL;
    }
    if (SHIFTS.has(op)) {
      const t = this.natural(e.left) ?? (expected && isInt(expected) ? expected : I32);
      this.expect(e.left, t, `'${opText}'`);
      this.shiftCount(e.right, t);
      if (!isInt(t)) this.sema.diags.error('TSK1008', e, `'${opText}' needs integers`);
      // A shift into a narrow type must fit it (1 << 16 is no u16); at 32
      // bits and more, bits shifted out are the point (1 << 31 is i32 MIN).
      return isInt(t) && t.bits < 32 ? this.checkConstant(e, t) : t;
    }
    if (op === K.AsteriskAsteriskToken) return this.power(e, expected);
    if (ARITH.has(op)) {
      const ln = this.natural(e.left);
      const rn = this.natural(e.right);
      if (ln?.kind === 'ptr' || rn?.kind === 'ptr') {
        this.sema.diags.error('TSK1040', e, `'${opText}' on a pointer would count bytes in JavaScript but elements in C; write Ptr.add(p, n) to step n elements, or usize(p) ${opText} n for byte arithmetic`);
        this.type(e.left);
        this.type(e.right);
        return ln?.kind === 'ptr' ? ln : rn!;
      }
      if (op === K.PlusToken && (ln?.kind === 'string' || rn?.kind === 'string')) {
        this.sema.diags.error('TSK1001', e, `string concatenation allocates, which tskc never does implicitly; pass the pieces to console.log separately`);
        return STRING;
      }
      const t = ln ?? rn ?? (expected && isNumeric(expected) ? expected : this.constantType(e));
      this.expect(e.left, t, `'${opText}'`);
      this.expect(e.right, t, `'${opText}'`);
      if (isFloat(t)) return this.floatArith(e, op, t);
      if (!isInt(t)) {
        this.sema.diags.error('TSK1008', e, `'${opText}' needs numbers, not ${typeName(t)}`);
        return I32;
      }
      return this.checkConstant(e, t);
    }
    this.sema.diags.error('TSK1001', e, `the '${opText}' operator is not supported yet`);
    return expected ?? I32;
  }

  /**
   * `a ** b`: on integers the exponent may be any integer type (like a
   * shift count) and the result wraps; on floats both sides share the type.
   */
  private power(e: ts.BinaryExpression, expected?: MType): MType {
    const rn = this.natural(e.right);
    const t = this.natural(e.left) ?? (rn && isFloat(rn) ? rn : undefined) ?? (expected && isNumeric(expected) ? expected : this.constantType(e));
    this.expect(e.left, t, `'**'`);
    if (isInt(t)) {
      const got = this.type(e.right, rn ?? t);
      if (!isInt(got)) this.sema.diags.error('TSK1008', e.right, `an integer '**' needs an integer exponent, not ${typeName(got)}; convert the base to f64 for a float power`);
      return this.checkConstant(e, t);
    }
    this.expect(e.right, t, `'**'`);
    if (!isFloat(t)) this.sema.diags.error('TSK1008', e, `'**' needs numbers, not ${typeName(t)}`);
    return t;
  }

  /** Floats take + - * / % **; the bit operators are integer-only. */
  private floatArith(e: ts.Expression, op: ts.SyntaxKind, t: MType): MType {
    const ok = [K.PlusToken, K.MinusToken, K.AsteriskToken, K.SlashToken, K.PercentToken, K.AsteriskAsteriskToken];
    if (!ok.includes(op)) {
      this.sema.diags.error('TSK1008', e, `'${ts.tokenToString(op)}' works on integers; convert the float first, e.g. i32(x)`);
    }
    return t;
  }

  /** A shift count is any integer; a literal count takes the shifted type. */
  private shiftCount(e: ts.Expression, t: MType): void {
    const got = this.type(e, this.natural(e) ?? t);
    if (!isInt(got)) this.sema.diags.error('TSK1008', e, `a shift count must be an integer`);
  }

  /**
   * An expression made only of literals must not overflow the type it gets
   * (`100 + 100` as i8). Arithmetic on typed values, typed constants
   * included, wraps like any arithmetic (docs/language.md §3.2).
   */
  private checkConstant(e: ts.Expression, t: MType): MType {
    if (!isInt(t) || this.natural(e) !== null) return t;
    const v = constValue(this.sema, e);
    if (v !== undefined && !fits(t, v)) {
      const [lo, hi] = intRange(t);
      this.sema.diags.error('TSK1004', e, `this constant is ${v}, which does not fit in ${t.name} (${lo} to ${hi})`);
    }
    return t;
  }

  /**
   * `x as T` changes no value in TypeScript, so tskc allows it only where no
   * value changes: widening that keeps every value, and literals that fit.
   */
  private assertion(e: ts.AsExpression, to: MType): MType {
    const arg = e.expression;
    if (this.natural(arg) === null && isInt(to)) {
      this.type(arg, to); // a literal: range-checked against T
      return to;
    }
    if (this.natural(arg) === null && isFloat(to)) {
      this.type(arg, to); // a float constant fits an f32 if it is exactly one
      const v = floatConstValue(arg);
      if (v !== undefined && to.bits === 32 && Math.fround(v) !== v && !Number.isNaN(v)) {
        this.sema.diags.error('TSK1008', e, `'as' cannot round ${arg.getText()} to the f32 ${Math.fround(v)}: 'as' never changes a value in TypeScript; write f32(${arg.getText()}) to round it`);
      }
      return to;
    }
    const from = this.type(arg);
    const widens = (isInt(from) && isInt(to) && (from.name === to.name || (to.bits > from.bits && (to.signed || !from.signed)))) ||
      // Every integer of up to 32 bits, and every f32, is exactly an f64.
      (isFloat(to) && to.bits === 64 && ((isInt(from) && from.bits <= 32) || isFloat(from)));
    if (!widens && !sameType(from, to)) {
      const fn = isInt(to) ? `${to.name}(x)` : 'an explicit conversion';
      this.sema.diags.error('TSK1008', e, `'as' cannot turn ${typeName(from)} into ${typeName(to)}: 'as' never changes a value in TypeScript, so tskc allows it only for widening; write ${fn} to convert with truncation or sign change`);
    }
    return to;
  }

  /** `T(x)`: integer/bool to integer conversions (truncating, extending). */
  conversion(e: ts.Expression, arg: ts.Expression, to: MType): MType {
    // An untyped constant argument keeps its own value's type, so u8(-1) is
    // 255 and u8(300) is 44: a conversion truncates, as a C cast does.
    const from = this.type(arg);
    const ok = isNumeric(to) ? isNumeric(from) || from.kind === 'bool' || (from.kind === 'ptr' && isInt(to)) : sameType(from, to);
    if (!ok) this.sema.diags.error('TSK1008', e, `cannot convert ${typeName(from)} to ${typeName(to)}`);
    return to;
  }

}

