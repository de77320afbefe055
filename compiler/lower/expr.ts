// Expression lowering: typed TS expressions (sema's exprTypes) to IR values.
// Sub-word integers (i8, u16, …) live in `w` temporaries kept sign- or
// zero-extended, so every operation that can leave the range is followed by
// a normalising extension (docs/language.md §3.2).
import ts = require('typescript');
import { constant, fconst, sym } from '../ir/ir.js';
import type { Block, Cls, Op, Value } from '../ir/ir.js';
import { floatConstValue, literalValue } from '../sema/consteval.js';
import { COMPOUND, isArith, isCompare, isLogical, isShift } from '../sema/expr.js';
import { ARRAY_HEADER, BOOL, I32, I64, U64, clsOf, isFloat, isInt, storageOf } from '../sema/types.js';
import { constValue } from '../sema/consteval.js';
import type { FloatType, IntType, MType } from '../sema/types.js';
import type { FieldInfo } from '../sema/classes.js';
import { vtableSymbol } from '../sema/classes.js';
import { THIS } from './context.js';
import type { FnCtx } from './context.js';
import { accessorPlace, lowerCall, lowerDefault, panic } from './call.js';
import { lowerInstanceOf } from './instanceof.js';
import { chainNullTest, coalesce, coalesceAssign, lowerChain, lowerChainValue, nonNull } from './nullable.js';
import { isChainRoot, isNullLiteral } from '../sema/nullable.js';
import { arith } from './arith.js';
import { buildTemplate } from './templates.js';
import { stringIndex } from './strings.js';
import { mathConstant } from '../sema/math.js';

const K = ts.SyntaxKind;

export function cls(t: MType): Cls {
  return clsOf(t) ?? 'w';
}

/** Re-extends a sub-word value after an operation that may leave its range. */
export function normalize(fx: FnCtx, v: Value, t: MType): Value {
  if (!isInt(t) || t.bits >= 32) return v;
  const op: Op = t.bits === 8 ? (t.signed ? 'extsb' : 'extub') : t.signed ? 'extsh' : 'extuh';
  return fx.emit(op, 'w', [v]);
}

/** Converts between machine types: truncation, sign- or zero-extension, int <-> float. */
export function convert(fx: FnCtx, v: Value, from: MType, to: MType): Value {
  if (isFloat(to)) return toFloat(fx, v, from, to);
  if (!isInt(to)) return v;
  if (isFloat(from)) {
    // Truncates toward zero (NaN and out-of-range values give the most
    // negative integer, as cvttsd2si does); narrower types wrap.
    const wide = fx.emit(from.bits === 64 ? 'dtosi' : 'stosi', 'l', [v]);
    return convert(fx, wide, I64, to);
  }
  const fromCls = cls(from);
  const signed = isInt(from) && from.signed;
  if (to.bits === 64) {
    if (fromCls === 'l') return v;
    return fx.emit(signed ? 'extsw' : 'extuw', 'l', [v]);
  }
  const narrowed = fromCls === 'l' ? fx.emit('trunc', 'w', [v]) : v;
  const fromBits = isInt(from) ? from.bits : 1;
  return to.bits < 32 && (to.bits < fromBits || from.kind !== 'int' || from.signed !== to.signed)
    ? normalize(fx, narrowed, to)
    : narrowed;
}

function toFloat(fx: FnCtx, v: Value, from: MType, to: FloatType): Value {
  const c = to.bits === 64 ? 'd' : 's';
  if (isFloat(from)) {
    if (from.bits === to.bits) return v;
    return fx.emit(to.bits === 64 ? 'exts' : 'truncd', c, [v]);
  }
  const signed = isInt(from) && from.signed;
  const op: Op = cls(from) === 'l' ? (signed ? 'sltof' : 'ultof') : signed ? 'swtof' : 'uwtof';
  return fx.emit(op, c, [v]);
}

export function lowerExpr(fx: FnCtx, e: ts.Expression): Value {
  // A template literal or string passed as a Template: a descriptor (§6.2).
  if (fx.sema.templates.has(e)) return buildTemplate(fx, e);
  return lowerValue(fx, e);
}

/** An expression's own value, without its conversion into a Template. */
export function lowerValue(fx: FnCtx, e: ts.Expression): Value {
  const sema = fx.sema;
  const t = sema.typeOfExpr(e);
  if (ts.isParenthesizedExpression(e)) return lowerExpr(fx, e.expression);
  if (isChainRoot(e)) return lowerChainValue(fx, e, t);
  if (ts.isNonNullExpression(e)) return nonNull(fx, lowerExpr(fx, e.expression), t, e);
  if (e.kind === K.NullKeyword) return constant(0);
  const lit = foldedConstant(e, t);
  if (lit) return lit;
  if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) return constant(e.kind === K.TrueKeyword ? 1 : 0);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return fx.mod.string(e.text);
  if (ts.isIdentifier(e)) {
    const fn = sema.funcRefs.get(e);
    return fn ? sym(fn.symbol) : readPlace(fx, e);
  }
  if (e.kind === K.ThisKeyword || e.kind === K.SuperKeyword) return fx.readVar(THIS, 'l', 'this');
  if (ts.isNewExpression(e)) return fx.sema.arrayNews.has(e) ? lowerArray(fx, e) : lowerNew(fx, e);
  if (ts.isArrayLiteralExpression(e)) return lowerArray(fx, e);
  if (ts.isElementAccessExpression(e)) return elementValue(fx, e, lowerExpr(fx, e.expression));
  if (ts.isPrefixUnaryExpression(e)) return prefix(fx, e, t);
  if (ts.isPostfixUnaryExpression(e)) return increment(fx, e.operand, e.operator === K.PlusPlusToken, false);
  if (ts.isBinaryExpression(e)) return binary(fx, e, t);
  if (ts.isConditionalExpression(e)) {
    return viaBranches(fx, t, (yes, no) => lowerCond(fx, e.condition, yes, no), e.whenTrue, e.whenFalse);
  }
  if (ts.isAsExpression(e)) return convert(fx, lowerExpr(fx, e.expression), sema.typeOfExpr(e.expression), t);
  if (ts.isCallExpression(e)) return lowerCall(fx, e, t);
  if (ts.isPropertyAccessExpression(e)) {
    const member = sema.symbolOf(e.name);
    if (member && member.flags & ts.SymbolFlags.EnumMember && member.valueDeclaration) {
      return constant(sema.checker.getConstantValue(member.valueDeclaration as ts.EnumMember) as number);
    }
    const mc = mathConstant(sema, e);
    if (mc !== undefined) return fconst(mc, 'd');
    if (member && sema.globals.has(member)) return readPlace(fx, e);
    const acc = sema.accessors.get(e);
    if (acc?.isStatic) return accessorPlace(fx, acc, undefined).read();
    return property(fx, e, lowerExpr(fx, e.expression));
  }
  throw new Error(`internal: cannot lower ${ts.SyntaxKind[e.kind]}`);
}

/** `obj.field` or `obj.length` of an object already evaluated (also the links of optional chains). */
export function property(fx: FnCtx, e: ts.PropertyAccessExpression, obj: Value): Value {
  const field = fx.sema.fieldAccess.get(e);
  if (field) return fieldPlace(fx, field, obj).read();
  const acc = fx.sema.accessors.get(e);
  if (acc) return accessorPlace(fx, acc, obj).read();
  // `s.length`: the u64 length stored in front of the string's bytes.
  return fx.emit('trunc', 'w', [fx.emit('loadl', 'l', [obj], { invariant: true })]);
}

/** Integer literals (and negated ones), and float constants, become constants of their type. */
function foldedConstant(e: ts.Expression, t: MType): Value | undefined {
  // A float constant (`1.5 - 3.0`) is computed in f64 and rounded once to its type.
  if (isFloat(t)) {
    const x = floatConstValue(e);
    return x === undefined ? undefined : fconst(x, t.bits === 64 ? 'd' : 's');
  }
  const negated = ts.isPrefixUnaryExpression(e) && e.operator === K.MinusToken && ts.isNumericLiteral(e.operand);
  const lit = negated ? (e as ts.PrefixUnaryExpression).operand as ts.NumericLiteral : ts.isNumericLiteral(e) ? e : undefined;
  if (!lit) return undefined;
  const v = literalValue(lit) ?? 0n;
  return constant(negated ? -v : v);
}

/** Something that can be read and assigned: a local, a global, a field. */
export interface Place {
  type: MType;
  read(): Value;
  write(v: Value): void;
  /** Where it is in memory (locals have no address). */
  addr?: Value;
}

/** A place in memory; `alias` is its alias class (ir/alias.ts). */
function memoryPlace(fx: FnCtx, type: MType, addr: Value, alias: string, invariant = false): Place {
  return {
    type,
    addr,
    read: () => fx.emit(loadOp(type), cls(type), [addr], invariant ? { invariant, alias } : { alias }),
    write: (v) => fx.effect(storeOp(type), cls(type), [v, addr], { alias }),
  };
}

/** An array element's alias class: its class and size (an i32[]'s and an Int32Array's are one). */
const elementAlias = (elem: MType): string => `#${cls(elem)}${storageOf(elem).size}`;

/** A field's alias class: the class that declares it, and its name. */
function fieldAlias(field: FieldInfo): string {
  const d = field.decl;
  const owner = ts.isParameter(d) ? d.parent.parent : d.parent;
  const name = ts.isClassLike(owner) && owner.name ? owner.name.text : 'class';
  return `${name}.${field.name}`;
}

/** addressof(x): the address of a global, field or element (sema checked it has one). */
export function placeAddress(fx: FnCtx, e: ts.Expression): Value {
  const addr = place(fx, e).addr;
  if (!addr) throw new Error(`internal: '${e.getText()}' has no address`);
  return addr;
}

/**
 * The place an identifier or property access names. A field's object is
 * evaluated here, once, before whatever is stored into it (as in JS).
 */
export function place(fx: FnCtx, e: ts.Expression): Place {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const sema = fx.sema;
  if (ts.isElementAccessExpression(e)) return elementPlace(fx, e);
  if (ts.isPropertyAccessExpression(e)) {
    // A field (never a local: a parameter property's symbol is also the
    // constructor parameter's), else a static field, which is a global.
    const field = sema.fieldAccess.get(e);
    if (field) return fieldPlace(fx, field, lowerExpr(fx, e.expression));
    const acc = sema.accessors.get(e);
    if (acc) return accessorPlace(fx, acc, acc.isStatic ? undefined : lowerExpr(fx, e.expression));
  }
  const s = sema.symbolOf(ts.isPropertyAccessExpression(e) ? e.name : e)!;
  const local = ts.isIdentifier(e) ? sema.locals.get(s) : undefined;
  if (local) return { type: local, read: () => fx.readVar(s, cls(local), s.name), write: (v) => fx.writeVar(s, v) };
  const g = sema.globals.get(s)!;
  // A module-level const is written once, by its initializer, before any
  // read (reading it earlier is TypeScript's temporal dead zone): its loads
  // are invariant, so the passes keep one value across stores and calls.
  return memoryPlace(fx, g.type, sym(g.symbol), `$${g.symbol}`, g.isConst && !g.extern);
}

export function fieldPlace(fx: FnCtx, field: FieldInfo, obj: Value): Place {
  if (field.inline) {
    // An inline array's value is its address inside the object (readonly).
    const at = field.offset === 0 ? obj : fx.emit('add', 'l', [obj, constant(field.offset)]);
    return { type: field.type, read: () => at, write: () => { throw new Error('internal: write to an inline array field'); } };
  }
  const addr = field.offset === 0 ? obj : fx.emit('add', 'l', [obj, constant(field.offset)]);
  return memoryPlace(fx, field.type, addr, fieldAlias(field));
}

/**
 * `a[i]`: the element's address, after the bounds check (an unsigned
 * compare with the length, so negative indices fail too) unless the access
 * is inside unchecked().
 */
function elementPlace(fx: FnCtx, e: ts.ElementAccessExpression, arr: Value = lowerExpr(fx, e.expression)): Place {
  const t = fx.sema.elements.get(e)!;
  const idxType = fx.sema.typeOfExpr(e.argumentExpression);
  const idx = convert(fx, lowerExpr(fx, e.argumentExpression), idxType, isInt(idxType) && idxType.signed ? I64 : U64);
  if (!fx.sema.unchecked.has(e)) boundsCheck(fx, arr, idx, e);
  return memoryPlace(fx, t.elem, elementAddress(fx, arr, idx, storageOf(t.elem).size), elementAlias(t.elem));
}

/** `a[i]` or `s[i]` of an array or string already evaluated (also a link of an optional chain). */
export function elementValue(fx: FnCtx, e: ts.ElementAccessExpression, obj: Value): Value {
  const sema = fx.sema;
  if (sema.typeOfExpr(e.expression).kind === 'string') {
    return stringIndex(fx, obj, lowerExpr(fx, e.argumentExpression), sema.typeOfExpr(e.argumentExpression), e);
  }
  return elementPlace(fx, e, obj).read();
}

/**
 * Panics unless 0 <= idx < the length stored at arr (idx is an l value).
 * An array's or string's length never changes (`invariant`); a Template's
 * piece count is written by its caller's stores, so it is an ordinary load.
 */
export function boundsCheck(fx: FnCtx, arr: Value, idx: Value, at: ts.Node, invariant = true): void {
  const len = fx.emit('loadl', 'l', [arr], invariant ? { invariant } : {});
  const ok = fx.newBlock('inbounds');
  const fail = fx.newBlock('outofbounds');
  fx.branch(fx.emit('cult', 'w', [idx, len], { argCls: 'l' }), ok, fail);
  fx.enter(fail);
  panic(fx, fx.mod.string('index out of bounds'), at);
  fx.enter(ok);
}

export function elementAddress(fx: FnCtx, arr: Value, idx: Value, size: number): Value {
  const first = fx.emit('add', 'l', [arr, constant(ARRAY_HEADER)]);
  const offset = size === 1 ? idx : fx.emit('mul', 'l', [idx, constant(size)]);
  return fx.emit('add', 'l', [first, offset]);
}

/**
 * `new Uint8Array(n)`, `new Array<T>(n)`, `[a, b, c]`: the length, then
 * zeroed elements; static storage when it initialises a module-level
 * variable and its length is constant, else the heap.
 */
function lowerArray(fx: FnCtx, e: ts.NewExpression | ts.ArrayLiteralExpression): Value {
  const sema = fx.sema;
  const t = sema.arrayNews.get(e)!;
  const size = storageOf(t.elem).size;
  const lenExpr = ts.isNewExpression(e) ? e.arguments![0] : undefined;
  const constLen = lenExpr ? constValue(sema, lenExpr, I32) : BigInt((e as ts.ArrayLiteralExpression).elements.length);
  let arr: Value;
  if (sema.staticNews.has(e as ts.NewExpression) && constLen !== undefined && constLen >= 0n) {
    arr = fx.mod.staticBlock(ARRAY_HEADER + Number(constLen) * size, 8);
    fx.effect('storel', 'l', [constant(constLen), arr]);
  } else {
    let n: Value = constant(constLen ?? 0n);
    if (constLen === undefined || constLen < 0n) {
      n = convert(fx, lowerExpr(fx, lenExpr!), I32, I64);
      const ok = fx.newBlock('lenok');
      const bad = fx.newBlock('badlen');
      fx.branch(fx.emit('csge', 'w', [n, constant(0)], { argCls: 'l' }), ok, bad);
      fx.enter(bad);
      panic(fx, fx.mod.string('invalid array length'), e);
      fx.enter(ok);
    }
    const bytes = fx.emit('add', 'l', [fx.emit('mul', 'l', [n, constant(size)]), constant(ARRAY_HEADER)]);
    arr = fx.emit('call', 'l', [bytes], { callee: fx.mod.runtimeFunc('heapAlloc') });
    fx.effect('storel', 'l', [n, arr]);
  }
  if (ts.isArrayLiteralExpression(e)) {
    e.elements.forEach((x, i) => {
      const v = lowerExpr(fx, x);
      memoryPlace(fx, t.elem, elementAddress(fx, arr, constant(i), size), elementAlias(t.elem)).write(v);
    });
  }
  return arr;
}

/** A name or property read: constants fold, the rest reads its place. */
function readPlace(fx: FnCtx, e: ts.Identifier | ts.PropertyAccessExpression): Value {
  const g = fx.sema.globals.get(fx.sema.symbolOf(ts.isIdentifier(e) ? e : e.name)!);
  if (g?.isConst && g.value !== undefined) return constant(g.value);
  return place(fx, e).read();
}

/** new C(args): static storage at module level, else the heap; then the constructor. */
function lowerNew(fx: FnCtx, e: ts.NewExpression): Value {
  const info = fx.sema.news.get(e)!;
  const ctor = info.ctor!;
  const size = Math.max(info.size, 1);
  const obj = fx.sema.staticNews.has(e)
    ? fx.mod.staticBlock(size, Math.max(info.align, 8))
    : fx.emit('call', 'l', [constant(size)], { callee: fx.mod.runtimeFunc('heapAlloc') });
  // The vtable goes in before the constructor runs, so virtual calls made
  // by a base constructor already reach the subclass's methods (as in JS).
  if (info.hasVtable) fx.effect('storel', 'l', [sym(vtableSymbol(info)), obj]);
  const args = (e.arguments ?? []).map((a) => lowerExpr(fx, a));
  for (const p of ctor.params.slice(args.length)) args.push(lowerDefault(fx, ctor, p.init!));
  fx.effect('call', 'l', [obj, ...args], { callee: sym(ctor.symbol) });
  return obj;
}

export function loadOp(t: MType): Op {
  if (isFloat(t)) return t.bits === 64 ? 'loadd' : 'loads';
  if (!isInt(t)) return t.kind === 'bool' ? 'loadub' : 'loadl';
  if (t.bits === 8) return t.signed ? 'loadsb' : 'loadub';
  if (t.bits === 16) return t.signed ? 'loadsh' : 'loaduh';
  return t.bits === 32 ? 'loaduw' : 'loadl';
}

export function storeOp(t: MType): Op {
  if (isFloat(t)) return t.bits === 64 ? 'stored' : 'stores';
  const bits = isInt(t) ? t.bits : t.kind === 'bool' ? 8 : 64;
  return ({ 8: 'storeb', 16: 'storeh', 32: 'storew', 64: 'storel' } as const)[bits];
}

function prefix(fx: FnCtx, e: ts.PrefixUnaryExpression, t: MType): Value {
  switch (e.operator) {
    case K.PlusPlusToken:
    case K.MinusMinusToken:
      return increment(fx, e.operand, e.operator === K.PlusPlusToken, true);
    case K.ExclamationToken:
      return truthy(fx, e.operand, 'ceq');
    case K.PlusToken:
      return lowerExpr(fx, e.operand);
    case K.MinusToken:
      return normalize(fx, fx.emit('neg', cls(t), [lowerExpr(fx, e.operand)]), t);
    case K.TildeToken:
      return normalize(fx, fx.emit('not', cls(t), [lowerExpr(fx, e.operand)]), t);
    default:
      throw new Error(`internal: prefix operator ${ts.tokenToString(e.operator)}`);
  }
}

/** `x != 0` (op cne) or `x == 0` (op ceq) of a bool or integer as a w 0/1. */
function truthy(fx: FnCtx, e: ts.Expression, op: 'cne' | 'ceq'): Value {
  const t = fx.sema.typeOfExpr(e);
  const c = cls(t);
  return fx.emit(op, 'w', [lowerExpr(fx, e), constant(0)], { argCls: c });
}

function increment(fx: FnCtx, target: ts.Expression, up: boolean, prefixForm: boolean): Value {
  const p = place(fx, target);
  const old = p.read();
  const one = isFloat(p.type) ? fconst(1, cls(p.type) as 's' | 'd') : constant(1);
  const next = normalize(fx, fx.emit(up ? 'add' : 'sub', cls(p.type), [old, one]), p.type);
  p.write(next);
  return prefixForm ? next : old;
}

const CMP_OPS: Partial<Record<ts.SyntaxKind, [Op, Op]>> = {
  // [signed, unsigned]
  [K.LessThanToken]: ['cslt', 'cult'],
  [K.LessThanEqualsToken]: ['csle', 'cule'],
  [K.GreaterThanToken]: ['csgt', 'cugt'],
  [K.GreaterThanEqualsToken]: ['csge', 'cuge'],
  [K.EqualsEqualsToken]: ['ceq', 'ceq'],
  [K.EqualsEqualsEqualsToken]: ['ceq', 'ceq'],
  [K.ExclamationEqualsToken]: ['cne', 'cne'],
  [K.ExclamationEqualsEqualsToken]: ['cne', 'cne'],
};

/** Float comparisons (false on NaN, except !=), by their signed integer counterpart. */
const FLOAT_CMP: Partial<Record<Op, Op>> = { cslt: 'clt', csle: 'cle', csgt: 'cgt', csge: 'cge', ceq: 'ceq', cne: 'cne' };

function binary(fx: FnCtx, e: ts.BinaryExpression, t: MType): Value {
  const op = e.operatorToken.kind;
  const sema = fx.sema;
  if (op === K.CommaToken) {
    lowerExpr(fx, e.left);
    return lowerExpr(fx, e.right);
  }
  if (op === K.QuestionQuestionToken) return coalesce(fx, e, t);
  if (op === K.InstanceOfKeyword) return lowerInstanceOf(fx, e);
  if (op === K.QuestionQuestionEqualsToken) return coalesceAssign(fx, e, t);
  if (op === K.EqualsToken) {
    const p = place(fx, e.left);
    const v = lowerExpr(fx, e.right);
    p.write(v);
    return v;
  }
  const compound = COMPOUND[op];
  if (compound) {
    const p = place(fx, e.left);
    const a = p.read();
    const b = lowerExpr(fx, e.right);
    const v = arith(fx, compound, t, a, b, sema.typeOfExpr(e.right), e);
    p.write(v);
    return v;
  }
  if (isCompare(op)) return compare(fx, e);
  if (isLogical(op)) return viaBranches(fx, BOOL, (yes, no) => lowerCond(fx, e, yes, no), true, false);
  if (isArith(op) || isShift(op) || op === K.AsteriskAsteriskToken) {
    const a = lowerExpr(fx, e.left);
    const b = lowerExpr(fx, e.right);
    return arith(fx, op, t, a, b, sema.typeOfExpr(e.right), e);
  }
  throw new Error(`internal: binary operator ${ts.tokenToString(op)}`);
}

/**
 * Branches on a condition and merges a value from each side through an SSA
 * variable: used for `?:`, and for comparisons and && || used as values.
 */
function viaBranches(
  fx: FnCtx, t: MType, cond: (yes: Block, no: Block) => void,
  whenTrue: ts.Expression | boolean, whenFalse: ts.Expression | boolean,
): Value {
  const key = {};
  const yes = fx.newBlock('yes');
  const no = fx.newBlock('no');
  const join = fx.newBlock('join');
  cond(yes, no);
  for (const [b, side] of [[yes, whenTrue], [no, whenFalse]] as const) {
    fx.enter(b);
    fx.writeVar(key, typeof side === 'boolean' ? constant(side ? 1 : 0) : lowerExpr(fx, side));
    fx.jump(join);
  }
  fx.enter(join);
  return fx.readVar(key, cls(t));
}

/** A comparison as a w 0/1 value (isel fuses it with a branch that uses it). */
function compare(fx: FnCtx, e: ts.BinaryExpression): Value {
  if (fx.sema.chainNullTests.has(e)) return chainNullTest(fx, e);
  const cmp = CMP_OPS[e.operatorToken.kind]!;
  const t = fx.sema.typeOfExpr(e.left);
  if (t.kind === 'string' && !isNullLiteral(e.left) && !isNullLiteral(e.right)) {
    const eq = fx.emit('call', 'w', [lowerExpr(fx, e.left), lowerExpr(fx, e.right)], { callee: fx.mod.runtimeFunc('strEq') });
    return cmp[0] === 'ceq' ? eq : fx.emit('xor', 'w', [eq, constant(1)]);
  }
  const signed = isInt(t) && t.signed;
  const a = lowerExpr(fx, e.left);
  const b = lowerExpr(fx, e.right);
  const op = isFloat(t) ? FLOAT_CMP[cmp[0]]! : signed ? cmp[0] : cmp[1];
  return fx.emit(op, 'w', [a, b], { argCls: cls(t) });
}

/** Lowers a condition straight into a branch (no 0/1 value in between). */
export function lowerCond(fx: FnCtx, e: ts.Expression, yes: Block, no: Block): void {
  if (ts.isParenthesizedExpression(e)) return lowerCond(fx, e.expression, yes, no);
  if (ts.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) return lowerCond(fx, e.operand, no, yes);
  if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) {
    fx.jump(e.kind === K.TrueKeyword ? yes : no);
    return;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
      const mid = fx.newBlock(op === K.AmpersandAmpersandToken ? 'and' : 'or');
      if (op === K.AmpersandAmpersandToken) lowerCond(fx, e.left, mid, no);
      else lowerCond(fx, e.left, yes, mid);
      fx.enter(mid);
      lowerCond(fx, e.right, yes, no);
      return;
    }
    if (isCompare(op)) {
      fx.branch(compare(fx, e), yes, no);
      return;
    }
  }
  const t = fx.sema.typeOfExpr(e);
  // An optional chain that stops at null is false.
  const v = isChainRoot(e) ? lowerChain(fx, e, no) : lowerExpr(fx, e);
  if (t.kind === 'bool' || cls(t) === 'w') {
    fx.branch(v, yes, no);
    return;
  }
  fx.branch(fx.emit('cne', 'w', [v, constant(0)], { argCls: 'l' }), yes, no);
}
