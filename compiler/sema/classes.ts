// Classes as structs (docs/language.md §6.5): the layout of each class's
// fields (declaration order, each aligned to its size, C-compatible), its
// constructor and methods as functions with an implicit `this`, static
// fields as globals, single inheritance with virtual methods, and
// interfaces. A class that has a base, has subclasses or implements an
// interface starts with a vtable pointer; a plain class is exactly its fields.
import ts from 'typescript';
import type { FuncInfo, GlobalInfo, Sema } from './context.js';
import type { ExprTyper } from './expr.js';
import type { Mangler } from './declarations.js';
import { signatureOf } from './declarations.js';
import { constValue } from './consteval.js';
import { readAttrs } from './attributes.js';
import { checkTemplateStorage } from './templates.js';
import { ARRAY_HEADER, I32, VOID, isInt, storageOf } from './types.js';
import type { MType } from './types.js';

export interface FieldInfo {
  name: string;
  type: MType;
  offset: number;
  decl: ts.PropertyDeclaration | ts.ParameterDeclaration;
  /** Initializer run by the constructor (after super() in a derived class). */
  init?: ts.Expression;
  /**
   * An array stored inside the object: a `readonly` field initialised with
   * `new XArray(N)`, N constant. The field's value is the address of its
   * storage (length, then N zeroed elements), never a separate allocation.
   */
  inline?: { length: number };
}

export interface InterfaceInfo {
  decl: ts.InterfaceDeclaration;
  name: string;
  /** Method names, in declaration order. */
  methods: string[];
}

export interface ClassInfo {
  decl: ts.ClassDeclaration;
  name: string;
  /** The assembly symbol prefix: methods are `PREFIX.name`. */
  symbol: string;
  base?: ClassInfo;
  subclasses: ClassInfo[];
  interfaces: InterfaceInfo[];
  /** Whether instances start with a vtable pointer (dynamic dispatch). */
  hasVtable: boolean;
  /** Own fields (a derived class's instances also hold its bases' fields first). */
  fields: FieldInfo[];
  /** Fields by their declaration (a property, or a parameter property), inherited ones included. */
  fieldByDecl: Map<ts.Declaration, FieldInfo>;
  size: number;
  align: number;
  ctor?: FuncInfo;
  /** Instance methods by name, inherited ones included (what obj.m() runs for this class). */
  methods: Map<string, FuncInfo>;
  /** Vtable slot of each method name (base slots first, overrides keep theirs). */
  slots: string[];
  /** `@packed` (no padding: every field at alignment 1) and `@align N` (docs/language.md §12.3). */
  packed?: boolean;
  minAlign?: number;
}

/** The field a property symbol names (by declaration: accesses may see transient symbols). */
export function fieldOf(info: ClassInfo, sym: ts.Symbol | undefined): FieldInfo | undefined {
  const decl = sym?.valueDeclaration;
  return decl ? info.fieldByDecl.get(decl) : undefined;
}

/** The assembly symbol of a class's vtable. */
export const vtableSymbol = (c: ClassInfo): string => `${c.symbol}.vtable`;

/** Phase 1: one ClassInfo per class and one InterfaceInfo per interface, then the hierarchy. */
export function declareClasses(sema: Sema, mangler: Mangler): void {
  for (const sf of sema.files) {
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st) && !sema.isRuntime(st)) declareInterface(sema, st);
      if (!ts.isClassDeclaration(st)) continue;
      if (!st.name) {
        sema.diags.error('TSK1001', st, `anonymous classes are not supported; give the class a name`);
        continue;
      }
      if (st.typeParameters) sema.diags.error('TSK1001', st.typeParameters[0], `generic classes are not supported yet`);
      sema.classes.set(st, {
        decl: st, name: st.name.text, symbol: mangler.symbol(st, st.name.text), subclasses: [], interfaces: [],
        hasVtable: false, fields: [], fieldByDecl: new Map(), size: 0, align: 1, methods: new Map(), slots: [],
        ...classAttrs(sema, st),
      });
    }
  }
  for (const info of sema.classes.values()) linkHeritage(sema, info);
  for (const info of sema.classes.values()) {
    info.hasVtable = info.interfaces.length > 0 || info.subclasses.length > 0 || info.base !== undefined;
    if (info.packed && info.hasVtable) {
      sema.diags.error('TSK1033', info.decl.name ?? info.decl, `@packed class '${info.name}' is part of a class hierarchy or implements an interface, so it starts with a vtable pointer and has no exact layout; keep hardware structures plain classes`);
    }
  }
}

function classAttrs(sema: Sema, st: ts.ClassDeclaration): Pick<ClassInfo, 'packed' | 'minAlign'> {
  const a = readAttrs(sema, st, 'class');
  return { ...(a.packed ? { packed: true } : {}), ...(a.align ? { minAlign: a.align } : {}) };
}

function declareInterface(sema: Sema, d: ts.InterfaceDeclaration): void {
  const methods: string[] = [];
  for (const m of d.members) {
    if (ts.isMethodSignature(m) && ts.isIdentifier(m.name)) methods.push(m.name.text);
    else sema.diags.error('TSK1001', m, `interfaces may declare methods only (no properties or index signatures); use a method such as getX()`);
  }
  if (d.typeParameters) sema.diags.error('TSK1001', d.typeParameters[0], `generic interfaces are not supported yet`);
  if (d.heritageClauses) sema.diags.error('TSK1001', d.heritageClauses[0], `interfaces extending interfaces are not supported yet`);
  sema.interfaces.set(d, { decl: d, name: d.name.text, methods });
}

function linkHeritage(sema: Sema, info: ClassInfo): void {
  for (const h of info.decl.heritageClauses ?? []) {
    for (const t of h.types) {
      const decl = sema.symbolOf(t.expression)?.valueDeclaration ?? sema.symbolOf(t.expression)?.declarations?.[0];
      if (h.token === ts.SyntaxKind.ExtendsKeyword) {
        const base = decl && sema.classes.get(decl);
        if (!base) sema.diags.error('TSK1001', t, `a class can extend only another tskc class`);
        else {
          info.base = base;
          base.subclasses.push(info);
        }
      } else {
        const iface = decl && sema.interfaces.get(decl);
        if (!iface) sema.diags.error('TSK1001', t, `a class can implement only interfaces declared in tskc code`);
        else info.interfaces.push(iface);
      }
    }
  }
}

/** Phase 2: layouts, constructors, methods and static fields, bases before subclasses. */
export function defineClasses(sema: Sema, ty: ExprTyper, mangler: Mangler): void {
  const done = new Set<ClassInfo>();
  const define = (info: ClassInfo): void => {
    if (done.has(info)) return;
    done.add(info);
    if (info.base) define(info.base);
    layout(sema, ty, info);
    if (info.base) {
      for (const [name, f] of info.base.methods) info.methods.set(name, f);
      info.slots = [...info.base.slots];
    }
    for (const m of info.decl.members) member(sema, ty, mangler, info, m);
    if (!info.ctor) info.ctor = implicitCtor(mangler, info);
  };
  for (const info of sema.classes.values()) define(info);
  for (const info of sema.classes.values()) checkInterfaces(sema, info);
}

function layout(sema: Sema, ty: ExprTyper, info: ClassInfo): void {
  const ctor = info.decl.members.find(ts.isConstructorDeclaration);
  // Parameter properties come first, as in the JavaScript object.
  const props: (ts.PropertyDeclaration | ts.ParameterDeclaration)[] = [
    ...(ctor?.parameters.filter((p) => ts.isParameterPropertyDeclaration(p, ctor)) ?? []),
    ...info.decl.members.filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && !isStatic(m)),
  ];
  let offset = info.base ? info.base.size : info.hasVtable ? 8 : 0;
  info.align = info.base ? info.base.align : info.hasVtable ? 8 : 1;
  if (info.base) for (const [d, f] of info.base.fieldByDecl) info.fieldByDecl.set(d, f);
  for (const p of props) {
    if (!ts.isIdentifier(p.name)) {
      sema.diags.error('TSK1001', p.name, `computed and private (#) field names are not supported; use a plain name`);
      continue;
    }
    const type = fieldType(sema, ty, p);
    const inline = inlineArray(sema, p, type);
    const natural = inline ? { size: ARRAY_HEADER + inline.length * storageOf((type as MType & { kind: 'array' }).elem).size, align: 8 } : storageOf(type);
    // @packed: no padding anywhere (x86 reads unaligned fields correctly).
    const { size, align } = info.packed ? { size: natural.size, align: 1 } : natural;
    offset = alignUp(offset, align);
    const field: FieldInfo = { name: p.name.text, type, offset, decl: p, init: ts.isPropertyDeclaration(p) ? p.initializer : undefined, inline };
    info.fields.push(field);
    info.fieldByDecl.set(p, field);
    offset += size;
    info.align = Math.max(info.align, align);
  }
  info.align = Math.max(info.align, info.minAlign ?? 1);
  info.size = alignUp(offset, info.align);
}

/** `readonly buf = new Uint8Array(128)`: an array laid out inside the object. */
function inlineArray(sema: Sema, p: ts.PropertyDeclaration | ts.ParameterDeclaration, type: MType): { length: number } | undefined {
  const init = p.initializer;
  const readonly = (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.Readonly) !== 0;
  if (!readonly || type.kind !== 'array' || !init || !ts.isNewExpression(init) || init.arguments?.length !== 1) return undefined;
  const n = constValue(sema, init.arguments[0], I32);
  return n !== undefined && n >= 0n && n <= 1n << 24n ? { length: Number(n) } : undefined;
}

function fieldType(sema: Sema, ty: ExprTyper, p: ts.PropertyDeclaration | ts.ParameterDeclaration): MType {
  if (p.type) {
    const t = sema.typeFromNode(p.type);
    checkTemplateStorage(sema, p.type, t, 'a field');
    return t;
  }
  const init = p.initializer;
  if (init) return ty.natural(init) ?? I32;
  sema.diags.error('TSK1005', p, `field '${p.name.getText()}' needs a type annotation`);
  return I32;
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

function isStatic(m: ts.ClassElement): boolean {
  return (ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
}

function member(sema: Sema, ty: ExprTyper, mangler: Mangler, info: ClassInfo, m: ts.ClassElement): void {
  const name = m.name && ts.isIdentifier(m.name) ? m.name.text : undefined;
  if (ts.isPropertyDeclaration(m)) {
    if (isStatic(m) && name) staticField(sema, ty, mangler, info, m, name);
    else if (m.initializer) {
      const f = info.fields.find((x) => x.decl === m);
      if (f) ty.expect(m.initializer, f.type, `field '${f.name}'`);
    }
  } else if (ts.isMethodDeclaration(m) && name && m.body) {
    if (m.typeParameters) sema.diags.error('TSK1001', m.typeParameters[0], `generic methods are not supported yet`);
    const sig = signatureOf(sema, m, name);
    const f: FuncInfo = {
      decl: m, name: `${info.name}.${name}`, body: m.body, symbol: mangler.symbol(m, `${info.symbol}.${name}`),
      ...sig, exported: true, thisClass: isStatic(m) ? undefined : info,
    };
    sema.funcs.set(m, f);
    if (!isStatic(m)) {
      const inherited = info.methods.get(name);
      if (inherited && !sameSignature(inherited, f)) {
        sema.diags.error('TSK1008', m, `'${f.name}' overrides '${inherited.name}' with different parameter or return types; dispatch needs them to match exactly`);
      }
      info.methods.set(name, f);
      if (!info.slots.includes(name)) info.slots.push(name);
    }
  } else if (ts.isMethodDeclaration(m) && name && !m.body && ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Abstract) {
    // An abstract method: a vtable slot every concrete subclass fills
    // (TypeScript checks that), and calls through it are always virtual.
    const f: FuncInfo = {
      decl: m, name: `${info.name}.${name}`, symbol: `${info.symbol}.${name}`, ...signatureOf(sema, m, name),
      exported: false, thisClass: info, abstract: true,
    };
    sema.funcs.set(m, f);
    info.methods.set(name, f);
    if (!info.slots.includes(name)) info.slots.push(name);
  } else if (ts.isConstructorDeclaration(m) && m.body) {
    const sig = signatureOf(sema, m, 'constructor');
    info.ctor = {
      decl: m, name: `${info.name}.constructor`, body: m.body, symbol: mangler.symbol(m, `${info.symbol}.constructor`),
      params: sig.params, ret: VOID, exported: true, thisClass: info, ctorOf: info,
    };
    sema.funcs.set(m, info.ctor);
  } else if (ts.isSemicolonClassElement(m) || (ts.isMethodDeclaration(m) && !m.body) || (ts.isConstructorDeclaration(m) && !m.body)) {
    // overload signatures and stray semicolons: nothing to compile
  } else {
    const what = ts.isGetAccessor(m) || ts.isSetAccessor(m) ? 'getters and setters' : ts.isClassStaticBlockDeclaration(m) ? 'static blocks' : 'this kind of class member';
    sema.diags.error('TSK1001', m, `${what} are not supported yet; use a method`);
  }
}

function sameSignature(a: FuncInfo, b: FuncInfo): boolean {
  const key = (f: FuncInfo): string => JSON.stringify([f.params.map((p) => p.type.kind === 'int' ? p.type.name : p.type.kind), f.ret.kind === 'int' ? f.ret.name : f.ret.kind]);
  return key(a) === key(b);
}

/** A class must have (or inherit) every method of the interfaces it implements. */
function checkInterfaces(sema: Sema, info: ClassInfo): void {
  for (const i of info.interfaces) {
    for (const m of i.methods) {
      if (!info.methods.has(m)) sema.diags.error('TSK1007', info.decl.name ?? info.decl, `${info.name} implements ${i.name} but has no method '${m}'`);
    }
  }
}

function staticField(sema: Sema, ty: ExprTyper, mangler: Mangler, info: ClassInfo, m: ts.PropertyDeclaration, name: string): void {
  const sym = sema.symbolOf(m.name);
  if (!sym) return;
  const type = fieldType(sema, ty, m);
  const isConst = (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Readonly) !== 0;
  const g: GlobalInfo = { decl: m, symbol: mangler.symbol(m, `${info.symbol}.${name}`), type, isConst };
  if (m.initializer) {
    ty.expect(m.initializer, type, `'${info.name}.${name}'`);
    if (isInt(type) || type.kind === 'bool') g.value = constValue(sema, m.initializer, isInt(type) ? type : undefined);
  }
  sema.globals.set(sym, g);
}

/**
 * A class without a constructor gets one: it takes its base constructor's
 * parameters and passes them on (a root class's takes none), then runs its
 * own field initializers.
 */
function implicitCtor(mangler: Mangler, info: ClassInfo): FuncInfo {
  return {
    decl: info.decl, name: `${info.name}.constructor`, symbol: mangler.symbol(info.decl, `${info.symbol}.constructor`),
    params: info.base?.ctor?.params ?? [], ret: VOID, exported: true, thisClass: info, ctorOf: info,
  };
}

/** The class whose instance `this` is at `node` (inside a method, constructor or field initializer). */
export function enclosingClass(sema: Sema, node: ts.Node): ClassInfo | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n) || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    if ((ts.isMethodDeclaration(n) || ts.isPropertyDeclaration(n)) && isStatic(n)) return undefined;
    if (ts.isClassDeclaration(n)) return sema.classes.get(n);
  }
  return undefined;
}
