// Expression typing: tskc's integer typing on top of TypeScript's checker.
// TypeScript says `a + b` is `number`; tskc says it is the operands' machine
// type, rejects mixing widths, and gives literals the type their context
// expects (i32 when nothing does). See docs/language.md §3.
//
// `natural(e)` is the type an expression has on its own (null for untyped
// constant expressions such as `1 + 2`); `type(e, expected)` records the
// final type of every node and reports what is wrong.
import ts from 'typescript';
import type { Sema } from './context.js';
import { constValue, literalValue } from './consteval.js';
import { typeIntrinsic, naturalOfIntrinsic } from './intrinsics.js';
import { unsupportedMessage } from './unsupported.js';
import { expectTemplate } from './templates.js';
import { mathConstant } from './math.js';
import { enclosingClass, fieldOf } from './classes.js';
import type { ClassInfo, InterfaceInfo } from './classes.js';
import { instantiate, signatureOf } from './declarations.js';
import type { FuncInfo, GenericInfo } from './context.js';
import { BOOL, F64, I32, I64, INT_TYPES, STRING, VOID, assignable, intRange, isFloat, isInt, isNumeric, sameType, typeName } from './types.js';
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

/** Whether some subclass of c (at any depth) defines its own method `name`. */
function overridden(c: ClassInfo, name: string): boolean {
  return c.subclasses.some((d) => d.decl.members.some((m) => ts.isMethodDeclaration(m) && m.name.getText() === name) || overridden(d, name));
}

function fits(t: IntType, v: bigint): boolean {
  const [lo, hi] = intRange(t);
  return v >= lo && v <= hi;
}

export class ExprTyper {
  /** Types a function body (set by the pass; used to type generic instances on demand). */
  typeBody: (f: FuncInfo) => void = () => {};

  constructor(readonly sema: Sema) {}

  /** The type `e` has regardless of context; null for untyped constants. */
  natural(e: ts.Expression): MType | null {
    const s = this.sema;
    if (ts.isParenthesizedExpression(e)) return this.natural(e.expression);
    // 1.5 and 1e21 read as floats; 1e6 is an integer only where one is expected.
    if (ts.isNumericLiteral(e)) return literalValue(e) === undefined || /e/i.test(e.text) && !/^0x/i.test(e.text) ? F64 : null;
    if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) return BOOL;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return STRING;
    if (ts.isIdentifier(e)) {
      const sym = s.symbolOf(e);
      if (!sym) return null;
      const fn = this.functionNamed(sym);
      if (fn) return this.funcType(fn);
      return s.locals.get(sym) ?? s.globals.get(sym)?.type ?? null;
    }
    if (ts.isPrefixUnaryExpression(e)) return e.operator === K.ExclamationToken ? BOOL : this.natural(e.operand);
    if (ts.isPostfixUnaryExpression(e)) return this.natural(e.operand);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (COMPARE.has(op) || LOGICAL.has(op)) return BOOL;
      if (op === K.CommaToken) return this.natural(e.right);
      if (op === K.EqualsToken || COMPOUND[op] || SHIFTS.has(op)) return this.natural(e.left);
      return this.natural(e.left) ?? this.natural(e.right);
    }
    if (ts.isConditionalExpression(e)) return this.natural(e.whenTrue) ?? this.natural(e.whenFalse);
    if (ts.isAsExpression(e)) return s.mtypeOf(s.checker.getTypeFromTypeNode(e.type)) ?? null;
    if (ts.isCallExpression(e)) return this.naturalOfCall(e);
    if (ts.isPropertyAccessExpression(e)) {
      if (this.enumMember(e) !== undefined) return I32;
      if (mathConstant(s, e) !== undefined) return F64;
      const sym = s.symbolOf(e.name);
      const g = sym && s.globals.get(sym);
      if (g) return g.type;
      const owner = this.natural(e.expression);
      if (owner?.kind === 'class' && sym) return fieldOf(owner.info, sym)?.type ?? null;
      if (e.name.text === 'length') return I32;
    }
    if (e.kind === K.ThisKeyword) {
      const c = enclosingClass(s, e);
      return c ? { kind: 'class', info: c } : null;
    }
    if (ts.isNewExpression(e)) {
      const c = this.classOfNew(e);
      if (c) return { kind: 'class', info: c };
      return s.mtypeOf(s.checker.getTypeAtLocation(e)) ?? null;
    }
    if (ts.isElementAccessExpression(e)) {
      const a = this.natural(e.expression);
      return a?.kind === 'array' ? a.elem : a?.kind === 'string' ? STRING : null;
    }
    if (ts.isArrayLiteralExpression(e)) {
      const first = e.elements[0];
      return { kind: 'array', elem: (first && this.natural(first)) ?? I32 };
    }
    return null;
  }

  private naturalOfCall(e: ts.CallExpression): MType | null {
    const decl = this.sema.checker.getResolvedSignature(e)?.getDeclaration();
    if (decl && ts.isCallSignatureDeclaration(decl)) {
      const name = this.sema.intrinsicName(decl);
      return name ? naturalOfIntrinsic(this, e, decl, name) : null;
    }
    if (!decl || !(ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl))) return null;
    const intr = ts.isMethodDeclaration(decl) ? undefined : this.sema.intrinsicName(decl);
    if (intr && !ts.isMethodDeclaration(decl)) return naturalOfIntrinsic(this, e, decl, intr);
    const info = this.sema.funcs.get(decl);
    return info ? info.ret : null;
  }

  /** `E.member`, `Class.staticField`, `obj.field`, `str.length`; undefined if none. */
  private property(e: ts.PropertyAccessExpression): MType | undefined {
    const s = this.sema;
    if (this.enumMember(e) !== undefined) return I32;
    if (mathConstant(s, e) !== undefined) return F64;
    const sym = s.symbolOf(e.name);
    const g = sym && s.globals.get(sym);
    if (g) return g.type;
    const owner = this.type(e.expression);
    if (owner.kind === 'class' && sym) {
      const field = fieldOf(owner.info, sym);
      if (field) {
        s.fieldAccess.set(e, field);
        return field.type;
      }
      if (sym.flags & ts.SymbolFlags.Method) {
        s.diags.error('TSK1001', e, `methods used as values are not supported yet; call the method`);
        return I32;
      }
    }
    if ((owner.kind === 'string' || owner.kind === 'array') && e.name.text === 'length') return I32;
    return undefined;
  }

  /** `a[i]`: any integer index; the element's type. */
  element(e: ts.ElementAccessExpression): MType {
    const s = this.sema;
    const a = this.type(e.expression);
    const idx = this.type(e.argumentExpression, this.natural(e.argumentExpression) ?? I32);
    if (!isInt(idx)) s.diags.error('TSK1008', e.argumentExpression, `an index must be an integer, not ${typeName(idx)}`);
    // s[i] is a one-character string (ASCII only, docs/language.md §6.2).
    if (a.kind === 'string') return STRING;
    if (a.kind !== 'array') {
      s.diags.error('TSK1001', e, `indexing a ${typeName(a)} is not supported; only arrays and strings can be indexed`);
      return I32;
    }
    s.elements.set(e, a);
    return a.elem;
  }

  /** `[a, b, c]`: an array of the expected element type, or of the first element's. */
  private arrayLiteral(e: ts.ArrayLiteralExpression, expected?: MType): MType {
    const s = this.sema;
    const elem = expected?.kind === 'array' ? expected.elem : (e.elements[0] && this.natural(e.elements[0])) ?? I32;
    for (const x of e.elements) {
      if (ts.isSpreadElement(x) || ts.isOmittedExpression(x)) s.diags.error('TSK1001', x, `spread and holes in array literals are not supported; write each element`);
      else this.expect(x, elem, 'an array element');
    }
    const t = { kind: 'array' as const, elem };
    s.arrayNews.set(e, t);
    if (this.initializesModuleVariable(e)) s.staticNews.add(e as unknown as ts.NewExpression);
    return t;
  }

  /** Whether `e` is the initializer of a module-level variable (it runs once). */
  initializesModuleVariable(e: ts.Expression): boolean {
    const parent = e.parent;
    return ts.isVariableDeclaration(parent) && parent.initializer === e && ts.isSourceFile(parent.parent.parent.parent);
  }

  /** The class a `new` expression instantiates, if it is a tskc class. */
  classOfNew(e: ts.NewExpression): ClassInfo | undefined {
    const decl = this.sema.symbolOf(e.expression)?.valueDeclaration;
    return decl ? this.sema.classes.get(decl) : undefined;
  }

  /** `new C(args)`: the constructor's parameters type the arguments. */
  private newExpr(e: ts.NewExpression, expected?: MType): MType {
    const s = this.sema;
    const info = this.classOfNew(e);
    const t = s.mtypeOf(s.checker.getTypeAtLocation(e)) ?? expected;
    if (!info && t?.kind === 'array') {
      // new Uint8Array(n), new Array<T>(n)
      const len = e.arguments?.[0];
      if (len) this.expect(len, I32, 'the array length');
      else s.diags.error('TSK1005', e, `an array needs its length: new ${e.expression.getText()}(n)`);
      s.arrayNews.set(e, t);
      if (this.initializesModuleVariable(e)) s.staticNews.add(e);
      return t;
    }
    if (!info?.ctor) {
      s.diags.error('TSK1001', e, `'new' works on tskc classes only (and 'new Error' only in throw)`);
      return I32;
    }
    s.news.set(e, info);
    const args = e.arguments ?? [];
    args.forEach((a, i) => {
      const p = info.ctor!.params[i];
      if (p) this.expect(a, p.type, `parameter '${p.name}' of ${info.name}'s constructor`);
    });
    // A module-level variable's initializer runs once: its object is static.
    if (this.initializesModuleVariable(e)) s.staticNews.add(e);
    return { kind: 'class', info };
  }

  /**
   * The instance of a generic function a call needs: its type arguments are
   * written (`max<u8>(a, b)`) or inferred by TypeScript from the arguments.
   */
  private instanceFor(e: ts.CallExpression, g: GenericInfo): FuncInfo | undefined {
    const s = this.sema;
    const sig = s.checker.getResolvedSignature(e);
    const inferred = sig ? s.checker.getTypeArgumentsForResolvedSignature(sig) : undefined;
    const args: MType[] = [];
    for (let i = 0; i < g.decl.typeParameters!.length; i++) {
      const written = e.typeArguments?.[i];
      // Inferred from literals, T is a literal type (2.5 | 1.5): widen it.
      const t = written ? s.typeFromNode(written) : inferred?.[i] && s.mtypeOf(s.checker.getBaseTypeOfLiteralType(inferred[i]));
      if (!t) {
        s.diags.error('TSK1005', e, `cannot tell the machine type of ${g.name}'s type parameter ${i + 1}; write it, e.g. ${g.name}<i32>(…)`);
        return undefined;
      }
      args.push(t);
    }
    return instantiate(s, g, args, this.typeBody);
  }

  /** `super(args)` in a derived constructor: runs the base constructor on this. */
  private superCall(e: ts.CallExpression): MType {
    const s = this.sema;
    const base = enclosingClass(s, e)?.base;
    if (!base?.ctor) {
      s.diags.error('TSK1007', e, `super() needs a base class`);
      return VOID;
    }
    s.superCalls.set(e, base.ctor);
    e.arguments.forEach((a, i) => {
      const p = base.ctor!.params[i];
      if (p) this.expect(a, p.type, `parameter '${p.name}' of ${base.name}'s constructor`);
    });
    return VOID;
  }

  /** `obj.m(args)` where obj has an interface type: dispatched on obj's class. */
  private interfaceCall(e: ts.CallExpression, decl: ts.MethodSignature, iface: InterfaceInfo): MType {
    const s = this.sema;
    const method = (decl.name as ts.Identifier).text;
    const sig = signatureOf(s, decl, `${iface.name}.${method}`);
    this.type((e.expression as ts.PropertyAccessExpression).expression);
    e.arguments.forEach((a, i) => {
      const p = sig.params[i];
      if (p) this.expect(a, p.type, `parameter '${p.name}' of ${iface.name}.${method}`);
    });
    s.ifaceCalls.set(e, { iface, method, params: sig.params.map((p) => p.type), ret: sig.ret });
    return sig.ret;
  }

  /** The top-level function a symbol names, if any. */
  private functionNamed(sym: ts.Symbol): FuncInfo | undefined {
    const decl = sym.valueDeclaration;
    return decl && ts.isFunctionDeclaration(decl) ? this.sema.funcs.get(decl) : undefined;
  }

  private funcType(f: FuncInfo): MType {
    return { kind: 'func', params: f.params.map((p) => p.type), ret: f.ret };
  }

  /** A call through a function value: a variable, parameter, field or element. */
  private indirectCall(e: ts.CallExpression, callee: MType & { kind: 'func' }): MType {
    this.sema.indirectCalls.add(e);
    e.arguments.forEach((a, i) => {
      const p = callee.params[i];
      if (p) this.expect(a, p, `argument ${i + 1}`);
      else this.type(a);
    });
    return callee.ret;
  }

  /** The value of `E.member` when it names a numeric enum member. */
  enumMember(e: ts.PropertyAccessExpression): number | undefined {
    const sym = this.sema.symbolOf(e.name);
    if (!sym || !(sym.flags & ts.SymbolFlags.EnumMember) || !sym.valueDeclaration) return undefined;
    const v = this.sema.checker.getConstantValue(sym.valueDeclaration as ts.EnumMember);
    return typeof v === 'number' ? v : undefined;
  }

  /** Types `e` (with the type its context expects, if any) and records it. */
  type(e: ts.Expression, expected?: MType): MType {
    const t = this.compute(e, expected);
    this.sema.exprTypes.set(e, t);
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

  /** Types a condition: bool, or an integer compared with zero. */
  condition(e: ts.Expression): void {
    const t = this.type(e);
    if (t.kind !== 'bool' && t.kind !== 'int' && t.kind !== 'ptr') {
      this.sema.diags.error('TSK1008', e, `a condition must be bool, an integer or a pointer, not ${typeName(t)}`);
    }
  }

  private compute(e: ts.Expression, expected?: MType): MType {
    const s = this.sema;
    if (ts.isParenthesizedExpression(e)) return this.type(e.expression, expected);
    if (ts.isNumericLiteral(e)) return this.literal(e, literalValue(e), expected);
    if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) return BOOL;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return STRING;
    if (ts.isIdentifier(e)) return this.identifier(e);
    if (ts.isPrefixUnaryExpression(e)) return this.prefix(e, expected);
    if (ts.isPostfixUnaryExpression(e)) return this.increment(e, e.operand);
    if (ts.isBinaryExpression(e)) return this.binary(e, expected);
    if (ts.isConditionalExpression(e)) {
      this.condition(e.condition);
      const t = this.natural(e.whenTrue) ?? this.natural(e.whenFalse) ?? expected ?? I32;
      this.expect(e.whenTrue, t, "the '?' branch");
      this.expect(e.whenFalse, t, "the ':' branch");
      return t;
    }
    if (ts.isAsExpression(e)) return this.assertion(e, s.typeFromNode(e.type));
    if (ts.isCallExpression(e)) return this.call(e, expected);
    if (ts.isPropertyAccessExpression(e)) {
      const t = this.property(e);
      if (t) return t;
    }
    if (e.kind === K.ThisKeyword) {
      const c = enclosingClass(s, e);
      if (c) return { kind: 'class', info: c };
    }
    if (ts.isNewExpression(e)) return this.newExpr(e, expected);
    if (ts.isElementAccessExpression(e)) return this.element(e);
    if (ts.isArrayLiteralExpression(e)) return this.arrayLiteral(e, expected);
    s.diags.error('TSK1001', e, unsupportedMessage(e));
    return expected ?? I32;
  }

  /** The type a declaration without a type annotation gets from its initializer. */
  declaredType(init: ts.Expression): MType {
    return this.natural(init) ?? this.constantType(init);
  }

  /** The type of an untyped constant expression used where nothing expects one. */
  constantType(e: ts.Expression): IntType {
    const v = constValue(this.sema, e);
    return (v !== undefined && [I32, I64, INT_TYPES.u64].find((c) => fits(c, v))) || I32;
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
    const fn = sym && this.functionNamed(sym);
    if (fn) {
      s.funcRefs.set(e, fn);
      return this.funcType(fn);
    }
    if (e.text === 'undefined') s.diags.error('TSK1001', e, `'undefined' is not a value in tskc; use 0 or a bool`);
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
    const t = this.natural(e.operand) ?? (expected && isNumeric(expected) ? expected : I32);
    const got = this.expect(e.operand, t, `unary '${ts.tokenToString(op)}'`);
    const ok = isInt(got) || (isFloat(got) && op !== K.TildeToken);
    if (!ok) this.sema.diags.error('TSK1008', e, `unary '${ts.tokenToString(op)}' needs ${op === K.TildeToken ? 'an integer' : 'a number'}, not ${typeName(got)}`);
    return got;
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
      if (s.fieldAccess.has(inner) || (sym && s.globals.has(sym))) return t;
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
      const ln = this.natural(e.left);
      const rn = this.natural(e.right);
      // A pointer compared with a usize (or a pointer of another type, which tsc rejects) compares addresses.
      const t = ln?.kind === 'ptr' && rn && rn.kind !== 'ptr' ? rn : (ln ?? rn ?? I32);
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

  private call(e: ts.CallExpression, expected?: MType): MType {
    const s = this.sema;
    // Through a function value unless the callee is a function's own name
    // (or a method): a variable may be reassigned, so the call is indirect.
    const calleeSym = ts.isIdentifier(e.expression) ? s.symbolOf(e.expression) : undefined;
    // A callable declared in runtime/lib (such as asm) is an intrinsic, not a function value.
    const vd = calleeSym?.valueDeclaration;
    const runtimeValue = vd && s.isRuntime(vd) && vd.getSourceFile().isDeclarationFile;
    if (ts.isIdentifier(e.expression) && calleeSym && !runtimeValue && !(calleeSym.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Alias))) {
      const ct = this.type(e.expression);
      if (ct.kind === 'func') return this.indirectCall(e, ct);
    }
    if ((ts.isPropertyAccessExpression(e.expression) || ts.isElementAccessExpression(e.expression)) && this.natural(e.expression)?.kind === 'func') {
      return this.indirectCall(e, this.type(e.expression) as MType & { kind: 'func' });
    }
    if (e.expression.kind === K.SuperKeyword) return this.superCall(e);
    const decl = s.checker.getResolvedSignature(e)?.getDeclaration();
    // A call of a callable runtime value such as asm(…).
    if (decl && ts.isCallSignatureDeclaration(decl) && s.intrinsicName(decl)) return typeIntrinsic(this, e, decl, s.intrinsicName(decl)!, expected);
    if (decl && ts.isMethodSignature(decl) && s.intrinsicName(decl)) return typeIntrinsic(this, e, decl, s.intrinsicName(decl)!, expected);
    if (decl && ts.isMethodSignature(decl) && ts.isInterfaceDeclaration(decl.parent) && s.interfaces.has(decl.parent)) {
      return this.interfaceCall(e, decl, s.interfaces.get(decl.parent)!);
    }
    if (!decl || !(ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl))) {
      s.diags.error('TSK1007', e.expression, `only calls of top-level functions and methods are supported`);
      e.arguments.forEach((a) => this.type(a));
      return expected ?? I32;
    }
    const intr = ts.isFunctionDeclaration(decl) ? s.intrinsicName(decl) : undefined;
    if (intr && ts.isFunctionDeclaration(decl)) return typeIntrinsic(this, e, decl, intr, expected);
    const generic = s.generics.get(decl);
    const info = generic ? this.instanceFor(e, generic) : s.funcs.get(decl);
    if (generic && !info) return expected ?? I32;
    if (!info) {
      s.diags.error('TSK1007', e.expression, `'${decl.name?.getText() ?? '?'}' has no tskc body to call (external functions are not supported yet)`);
      return expected ?? I32;
    }
    s.calls.set(e, info);
    if (info.interrupt) {
      s.diags.error('TSK1032', e.expression, `'${info.name}' is an @interrupt handler: the CPU enters it through its stub, which ends with iretq; put the shared code in a plain function and call that`);
    }
    if (info.thisClass && ts.isPropertyAccessExpression(e.expression)) {
      // obj.method(…): the receiver is the implicit first argument. Through
      // a class whose subclasses override the method, the call is virtual;
      // super.method(…) is always direct.
      const recv = e.expression.expression;
      const base = recv.kind === K.SuperKeyword ? enclosingClass(s, e)?.base : undefined;
      if (base) s.exprTypes.set(recv, { kind: 'class', info: base });
      else if (recv.kind !== K.SuperKeyword) {
        const rt = this.type(recv);
        const name = e.expression.name.text;
        if (rt.kind === 'class' && (info.abstract || overridden(rt.info, name))) s.virtualCalls.set(e, rt.info.slots.indexOf(name));
      }
    }
    e.arguments.forEach((a, i) => {
      const p = info.params[i];
      if (p) this.expect(a, p.type, `parameter '${p.name}' of ${info.name}`);
      else this.type(a);
    });
    return info.ret;
  }
}

