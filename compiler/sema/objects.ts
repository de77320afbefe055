// Typing of objects and arrays: property reads (fields, static fields,
// `.length`), indexing, array literals and `new` of classes and arrays.
import ts = require('typescript');
import type { ExprTyper } from './expr.js';
import { fieldOf, isStatic, overridden } from './classes.js';
import type { Accessor, FuncInfo } from './context.js';
import type { ClassInfo } from './classes.js';
import { BOOL, F64, I32, STRING, isInt, typeName } from './types.js';
import { mathConstant } from './math.js';
import type { MType } from './types.js';

/** `E.member`, `Class.staticField`, `obj.field`, `str.length`; undefined if none. */
export function property(ty: ExprTyper, e: ts.PropertyAccessExpression): MType | undefined {
  const s = ty.sema;
  if (ty.enumMember(e) !== undefined) return I32;
  if (mathConstant(s, e) !== undefined) return F64;
  const sym = s.symbolOf(e.name);
  const g = sym && s.globals.get(sym);
  if (g) return g.type;
  const staticAcc = accessorOf(ty, e, undefined);
  if (staticAcc) {
    s.accessors.set(e, staticAcc);
    return staticAcc.type;
  }
  const owner = ty.type(e.expression);
  const acc = owner.kind === 'class' ? accessorOf(ty, e, owner.info) : undefined;
  if (acc) {
    s.accessors.set(e, acc);
    return acc.type;
  }
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

/**
 * `obj.x` or `C.x` where x is a getter and/or setter: the methods it runs
 * (static ones by declaration), virtual when a subclass overrides x.
 */
export function accessorOf(ty: ExprTyper, e: ts.PropertyAccessExpression, owner: ClassInfo | undefined): Accessor | undefined {
  const s = ty.sema;
  const sym = s.symbolOf(e.name);
  if (!sym || !(sym.flags & ts.SymbolFlags.Accessor)) return undefined;
  const decls = sym.declarations ?? [];
  let get: FuncInfo | undefined;
  let set: FuncInfo | undefined;
  const isStaticAcc = decls.some((d) => ts.isClassElement(d) && isStatic(d));
  if (isStaticAcc) {
    if (owner) return undefined;
    get = s.funcs.get(decls.find(ts.isGetAccessor)!);
    set = s.funcs.get(decls.find(ts.isSetAccessor)!);
  } else {
    if (!owner) return undefined;
    get = owner.methods.get(`get ${e.name.text}`);
    set = owner.methods.get(`set ${e.name.text}`);
  }
  const type = get?.ret ?? set?.params[0]?.type;
  if (!type) return undefined;
  const acc: Accessor = { get, set, type, isStatic: isStaticAcc };
  if (owner && overridden(s, owner.decl, e.name.text)) {
    acc.getSlot = get && owner.slots.indexOf(`get ${e.name.text}`);
    acc.setSlot = set && owner.slots.indexOf(`set ${e.name.text}`);
  }
  return acc;
}

/**
 * `x instanceof C` compares x's vtable pointer with those of C and its
 * subclasses, so C needs a vtable, and so does x's own class.
 */
export function instanceOf(ty: ExprTyper, e: ts.BinaryExpression): MType {
  const s = ty.sema;
  const left = ty.type(e.left);
  const decl = s.symbolOf(e.right)?.valueDeclaration;
  const target = decl && s.classes.get(decl);
  const why = (c: string): string => `${c} has no vtable (no base class, no subclasses, no interfaces), so instanceof cannot test it at run time; every non-null value of type ${c} is a ${c}: test 'x !== null' instead`;
  if (!target) {
    const g = decl && s.genericClasses.get(decl);
    s.diags.error('TSK1015', e.right, g ? `instanceof cannot test the generic class ${g.name}: each of its instances is a class of its own; test a non-generic base class` : `instanceof needs a tskc class on its right`);
  } else if (!target.hasVtable) s.diags.error('TSK1015', e, why(target.name));
  else if (left.kind === 'class' && !left.info.hasVtable) s.diags.error('TSK1015', e, why(left.info.name));
  else if (left.kind !== 'class' && left.kind !== 'iface') s.diags.error('TSK1015', e.left, `instanceof tests objects, not ${typeName(left)}`);
  else s.instanceOfs.set(e, target);
  return BOOL;
}

/** `a[i]`: any integer index; the element's type. */
export function element(ty: ExprTyper, e: ts.ElementAccessExpression): MType {
  const s = ty.sema;
  const a = ty.type(e.expression);
  if (e.questionDotToken) s.diags.error('TSK1013', e, `optional element access 'a?.[i]' is not supported; test 'a !== null' first, then index`);
  const idx = ty.type(e.argumentExpression, ty.natural(e.argumentExpression) ?? I32);
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

/** `[a, b, c]`: an array of the expected element type, or of the first typed element's (listType). */
export function arrayLiteral(ty: ExprTyper, e: ts.ArrayLiteralExpression, expected?: MType): MType {
  const s = ty.sema;
  const elem = expected?.kind === 'array' ? expected.elem : ty.listType(e.elements);
  for (const x of e.elements) {
    if (ts.isSpreadElement(x) || ts.isOmittedExpression(x)) s.diags.error('TSK1001', x, `spread and holes in array literals are not supported; write each element`);
    else ty.expect(x, elem, 'an array element');
  }
  const t = { kind: 'array' as const, elem };
  s.arrayNews.set(e, t);
  if (initializesModuleVariable(ty, e)) s.staticNews.add(e as unknown as ts.NewExpression);
  return t;
}

/** Whether `e` is the initializer of a module-level variable (it runs once). */
export function initializesModuleVariable(ty: ExprTyper, e: ts.Expression): boolean {
  const parent = e.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer === e && ts.isSourceFile(parent.parent.parent.parent);
}

/** The class a `new` expression instantiates, if it is a tskc class. */
export function classOfNew(ty: ExprTyper, e: ts.NewExpression, expected?: MType): ClassInfo | undefined {
  const s = ty.sema;
  const decl = s.symbolOf(e.expression)?.valueDeclaration;
  if (!decl || !s.genericClasses.has(decl)) return decl ? s.classes.get(decl) : undefined;
  // Where an instance of this class is expected, it gives the type arguments
  // (const b: Box<u8> = new Box(200)): TypeScript infers `number` from literals.
  const instances = s.genericClasses.get(decl)!.instances;
  if (!e.typeArguments && expected?.kind === 'class' && [...instances.values()].includes(expected.info)) return expected.info;
  // new Stack<u8>(n): the instance for the written or inferred type arguments.
  const t = s.mtypeOf(s.checker.getTypeAtLocation(e));
  return t?.kind === 'class' ? t.info : undefined;
}

/** `new C(args)`: the constructor's parameters type the arguments. */
export function newExpr(ty: ExprTyper, e: ts.NewExpression, expected?: MType): MType {
  const s = ty.sema;
  const info = classOfNew(ty, e, expected);
  const t = info ? undefined : (s.mtypeOf(s.checker.getTypeAtLocation(e)) ?? expected);
  if (!info && t?.kind === 'array') {
    // new Uint8Array(n), new Array<T>(n)
    const len = e.arguments?.[0];
    if (len) ty.expect(len, I32, 'the array length');
    else s.diags.error('TSK1005', e, `an array needs its length: new ${e.expression.getText()}(n)`);
    s.arrayNews.set(e, t);
    if (initializesModuleVariable(ty, e)) s.staticNews.add(e);
    return t;
  }
  const decl = s.symbolOf(e.expression)?.valueDeclaration;
  if (!info && decl && s.genericClasses.has(decl)) {
    s.diags.error('TSK1005', e, `cannot tell the machine types of ${s.genericClasses.get(decl)!.name}'s type parameters here; write them, e.g. new ${e.expression.getText()}<i32>(…)`);
    return expected ?? I32;
  }
  // A field initializer may construct a class that a later file of an import cycle declares: define it now.
  if (info && !info.ctor && info.state === 'declared') s.classDefiner?.(info);
  if (!info?.ctor) {
    s.diags.error('TSK1001', e, `'new' works on tskc classes only (and 'new Error' only in throw)`);
    return I32;
  }
  s.news.set(e, info);
  const args = e.arguments ?? [];
  args.forEach((a, i) => {
    const p = info.ctor!.params[i];
    if (p) ty.expect(a, p.type, `parameter '${p.name}' of ${info.name}'s constructor`);
  });
  // A module-level variable's initializer runs once: its object is static.
  if (initializesModuleVariable(ty, e)) s.staticNews.add(e);
  return { kind: 'class', info };
}