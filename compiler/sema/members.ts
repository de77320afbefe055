// Class members (docs/language.md §6.5): methods (with `this` as their
// first parameter, in vtable slots), abstract methods, generic methods,
// constructors, static methods and static fields (globals). In an instance
// of a generic class every function carries the instance's facts.
import ts = require('typescript');
import type { FuncInfo, GlobalInfo, Sema } from './context.js';
import type { ExprTyper } from './expr.js';
import type { Mangler } from './declarations.js';
import { checkDefault, signatureOf } from './declarations.js';
import { constValue } from './consteval.js';
import { fieldType, isStatic, memberName, overridden } from './classes.js';
import type { ClassInfo } from './classes.js';
import { VOID, isInt } from './types.js';

/** Something static members are named after: a class or a generic class declaration. */
interface Owner {
  name: string;
  symbol: string;
}

/** Registers a method in its class: by name, and in a vtable slot. */
function addMethod(sema: Sema, info: ClassInfo, f: FuncInfo, name: string, decl: ts.Node): void {
  // `#m` belongs to its class alone: a subclass's `#m` is another method, never virtual.
  if (name.startsWith('#')) {
    info.methods.set(name, f);
    return;
  }
  const inherited = info.methods.get(name);
  if (inherited && !sameSignature(inherited, f)) {
    sema.diags.error('TSK1008', decl, `'${f.name}' overrides '${inherited.name}' with different parameter or return types; dispatch needs them to match exactly`);
  }
  info.methods.set(name, f);
  if (!info.slots.includes(name)) info.slots.push(name);
}

/** A member of each instance: a field initializer, a method, the constructor. */
export function instanceMember(sema: Sema, ty: ExprTyper, mangler: Mangler, info: ClassInfo, m: ts.ClassElement): void {
  const name = memberName(m);
  const base = { thisClass: info, instance: info.instance };
  if (ts.isPropertyDeclaration(m)) {
    const f = info.fields.find((x) => x.decl === m);
    if (f && m.initializer) ty.expect(m.initializer, f.type, `field '${f.name}'`);
  } else if (ts.isMethodDeclaration(m) && name && m.body && m.typeParameters) {
    genericMethod(sema, mangler, info, m, name);
  } else if (ts.isMethodDeclaration(m) && name && m.body) {
    const f: FuncInfo = {
      decl: m, name: `${info.name}.${name}`, body: m.body, symbol: mangler.symbol(m, `${info.symbol}.${name}`),
      ...signatureOf(sema, m, name), exported: true, ...base,
    };
    own(sema, info, f);
    addMethod(sema, info, f, name, m);
  } else if (ts.isMethodDeclaration(m) && name && !m.body && ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Abstract) {
    // An abstract method: a vtable slot every concrete subclass fills
    // (TypeScript checks that), and calls through it are always virtual.
    const f: FuncInfo = {
      decl: m, name: `${info.name}.${name}`, symbol: `${info.symbol}.${name}`, ...signatureOf(sema, m, name),
      exported: false, abstract: true, ...base,
    };
    if (!info.instance) sema.funcs.set(m, f);
    addMethod(sema, info, f, name, m);
  } else if ((ts.isGetAccessor(m) || ts.isSetAccessor(m)) && name && m.body) {
    // A getter or setter is a method named `get x` / `set x` (symbol C.get.x).
    const key = accessorKey(m, name);
    const f: FuncInfo = {
      decl: m, name: `${info.name}.${key}`, body: m.body, symbol: mangler.symbol(m, `${info.symbol}.${key.replace(' ', '.')}`),
      ...signatureOf(sema, m, name), exported: true, ...base,
    };
    own(sema, info, f);
    addMethod(sema, info, f, key, m);
  } else if (ts.isConstructorDeclaration(m) && m.body) {
    const sig = signatureOf(sema, m, 'constructor');
    info.ctor = {
      decl: m, name: `${info.name}.constructor`, body: m.body, symbol: mangler.symbol(m, `${info.symbol}.constructor`),
      params: sig.params, ret: VOID, exported: true, ctorOf: info, ...base,
    };
    own(sema, info, info.ctor);
  } else if (!isCodeless(m)) {
    unsupportedMember(sema, m);
  }
}

/** The method name of a getter or setter: `get x`, `set x` (no identifier has a space). */
const accessorKey = (m: ts.AccessorDeclaration, name: string): string => `${ts.isGetAccessor(m) ? 'get' : 'set'} ${name}`;

/** Overload signatures and stray semicolons: nothing to compile. */
function isCodeless(m: ts.ClassElement): boolean {
  return ts.isSemicolonClassElement(m) || ((ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m)) && !m.body);
}

function unsupportedMember(sema: Sema, m: ts.ClassElement): void {
  const what = ts.isGetAccessor(m) || ts.isSetAccessor(m) ? 'abstract getters and setters' : ts.isClassStaticBlockDeclaration(m) ? 'static blocks' : 'this kind of class member';
  sema.diags.error('TSK1001', m, `${what} are not supported yet; use a method`);
}

/** A function the class compiles; a non-generic class's are also found by declaration. */
function own(sema: Sema, info: ClassInfo, f: FuncInfo): void {
  info.own.push(f);
  if (!info.instance) sema.funcs.set(f.decl, f);
}

/**
 * `m<U>(x: U)`: compiled per list of type arguments, like a generic
 * function, with `this` of its class. It cannot be virtual: a vtable slot
 * would need every instance any subclass might be called with.
 */
function genericMethod(sema: Sema, mangler: Mangler, info: ClassInfo, m: ts.MethodDeclaration, name: string): void {
  if (info.methods.has(name) || info.genericMethods.has(name) || overridden(sema, info.decl, name)) {
    sema.diags.error('TSK1014', m, `generic method '${info.name}.${name}' is overridden or overrides another method; generic methods are compiled per type argument and cannot be virtual: give the override another name`);
  }
  info.genericMethods.set(name, { decl: m, name: `${info.name}.${name}`, symbol: mangler.symbol(m, `${info.symbol}.${name}`), instances: new Map(), owner: info });
}

/** A static member: a plain function or a global, once per class declaration. */
export function staticMember(sema: Sema, ty: ExprTyper, mangler: Mangler, owner: Owner, m: ts.ClassElement): void {
  const name = memberName(m);
  if (ts.isPropertyDeclaration(m) && name) staticField(sema, ty, mangler, owner, m, name);
  else if (ts.isMethodDeclaration(m) && name && m.body && m.typeParameters) {
    sema.generics.set(m, { decl: m, name: `${owner.name}.${name}`, symbol: mangler.symbol(m, `${owner.symbol}.${name}`), instances: new Map() });
  } else if ((ts.isMethodDeclaration(m) || ts.isGetAccessor(m) || ts.isSetAccessor(m)) && name && m.body) {
    const key = ts.isMethodDeclaration(m) ? name : accessorKey(m, name);
    sema.funcs.set(m, {
      decl: m, name: `${owner.name}.${key}`, body: m.body, symbol: mangler.symbol(m, `${owner.symbol}.${key.replace(' ', '.')}`),
      ...signatureOf(sema, m, name), exported: true,
    });
  } else if (!isCodeless(m)) {
    unsupportedMember(sema, m);
  }
}

/** Overrides keep the integer widths and kinds of their parameters and result. */
function sameSignature(a: FuncInfo, b: FuncInfo): boolean {
  const key = (f: FuncInfo): string => JSON.stringify([f.params.map((p) => p.type.kind === 'int' ? p.type.name : p.type.kind), f.ret.kind === 'int' ? f.ret.name : f.ret.kind]);
  return key(a) === key(b);
}

/** A class must have (or inherit) every method of the interfaces it implements. */
export function checkInterfaces(sema: Sema, info: ClassInfo): void {
  for (const i of info.interfaces) {
    for (const m of i.methods) {
      if (!info.methods.has(m)) sema.diags.error('TSK1007', info.decl.name ?? info.decl, `${info.name} implements ${i.name} but has no method '${m}'`);
    }
  }
}

function staticField(sema: Sema, ty: ExprTyper, mangler: Mangler, owner: Owner, m: ts.PropertyDeclaration, name: string): void {
  const sym = sema.symbolOf(m.name);
  if (!sym) return;
  const type = fieldType(sema, ty, m);
  const isConst = (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Readonly) !== 0;
  const g: GlobalInfo = { decl: m, symbol: mangler.symbol(m, `${owner.symbol}.${name}`), type, isConst };
  if (m.initializer) {
    ty.expect(m.initializer, type, `'${owner.name}.${name}'`);
    if (isInt(type) || type.kind === 'bool') g.value = constValue(sema, m.initializer, isInt(type) ? type : undefined);
  }
  sema.globals.set(sym, g);
}

/**
 * A class without a constructor gets one: it takes its base constructor's
 * parameters and passes them on (a root class's takes none), then runs its
 * own field initializers.
 */
export function implicitCtor(mangler: Mangler, info: ClassInfo): FuncInfo {
  const f: FuncInfo = {
    decl: info.decl, name: `${info.name}.constructor`, symbol: mangler.symbol(info.decl, `${info.symbol}.constructor`),
    params: info.base?.ctor?.params ?? [], ret: VOID, exported: true, thisClass: info, ctorOf: info, instance: info.instance,
  };
  info.own.push(f);
  return f;
}

/** A generic class instance's bodies are typed once every class is defined (sema.ts). */
export function finishInstance(sema: Sema, ty: ExprTyper, info: ClassInfo): void {
  for (const f of info.own) {
    if (f.body) sema.pendingBodies.push(f);
    for (const p of f.params) if (p.init && f.decl !== info.decl) checkDefault(sema, ty, p.init, p.type, p.name);
  }
}
