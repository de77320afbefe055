// Classes as structs (docs/language.md §6.5): the layout of each class's
// fields (declaration order, each aligned to its size, C-compatible), its
// constructor and methods as functions with an implicit `this`, static
// fields as globals, single inheritance with virtual methods, and
// interfaces. A class that has a base, has subclasses or implements an
// interface starts with a vtable pointer; a plain class is exactly its fields.
import ts = require('typescript');
import type { BodyFacts, FuncInfo, GenericInfo, Sema } from './context.js';
import type { ExprTyper } from './expr.js';
import type { Mangler } from './declarations.js';
import { constValue } from './consteval.js';
import { checkInterfaces, finishInstance, implicitCtor, instanceMember, staticMember } from './members.js';
import { readAttrs } from './attributes.js';
import { checkTemplateStorage } from './templates.js';
import { ARRAY_HEADER, I32, storageOf } from './types.js';
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
  /** Instances of generic classes: type-parameter bindings and the facts of their bodies. */
  instance?: { facts: BodyFacts; bindings: Map<ts.Symbol, MType> };
  /** Functions this class declares with code (methods, accessors, constructor). */
  own: FuncInfo[];
  /** Generic instance methods by name, inherited ones included. */
  genericMethods: Map<string, GenericInfo>;
  /** Definition progress: layout and members are filled in by defineClass. */
  state: 'declared' | 'defining' | 'defined';
  /** `@packed` (no padding: every field at alignment 1) and `@align N` (docs/language.md §12.3). */
  packed?: boolean;
  minAlign?: number;
}

export function newClassInfo(decl: ts.ClassDeclaration, name: string, symbol: string): ClassInfo {
  return {
    decl, name, symbol, subclasses: [], interfaces: [], hasVtable: false, fields: [], fieldByDecl: new Map(),
    size: 0, align: 1, methods: new Map(), slots: [], own: [], genericMethods: new Map(), state: 'declared',
  };
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
      const symbol = mangler.symbol(st, st.name.text);
      // A generic class is compiled per list of type arguments (instances.ts).
      if (st.typeParameters) sema.genericClasses.set(st, { decl: st, name: st.name.text, symbol, instances: new Map() });
      else sema.classes.set(st, Object.assign(newClassInfo(st, st.name.text, symbol), classAttrs(sema, st)));
      for (const h of st.heritageClauses ?? []) {
        if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        const base = h.types[0] && sema.symbolOf(h.types[0].expression)?.valueDeclaration;
        if (base) sema.subclassDecls.set(base, [...(sema.subclassDecls.get(base) ?? []), st]);
      }
    }
  }
  for (const info of sema.classes.values()) linkHeritage(sema, info);
  for (const info of sema.classes.values()) setVtable(sema, info);
}

/** Decides whether a class has a vtable; a @packed one must not. */
export function setVtable(sema: Sema, info: ClassInfo): void {
  info.hasVtable = needsVtable(sema, info);
  if (info.packed && info.hasVtable) {
    sema.diags.error('TSK1033', info.decl.name ?? info.decl, `@packed class '${info.name}' is part of a class hierarchy or implements an interface, so it starts with a vtable pointer and has no exact layout; keep hardware structures plain classes`);
  }
}

export function classAttrs(sema: Sema, st: ts.ClassDeclaration): Pick<ClassInfo, 'packed' | 'minAlign'> {
  const a = readAttrs(sema, st, 'class');
  return { ...(a.packed ? { packed: true } : {}), ...(a.align ? { minAlign: a.align } : {}) };
}

/**
 * A class that has a base class, has subclasses (by declaration, so every
 * instance of a generic class agrees) or implements an interface starts
 * with a vtable pointer.
 */
export function needsVtable(sema: Sema, info: ClassInfo): boolean {
  return info.interfaces.length > 0 || info.base !== undefined || (sema.subclassDecls.get(info.decl)?.length ?? 0) > 0;
}

/**
 * Whether a subclass declaration of c (at any depth) declares its own member
 * `name`. A `#private` name is never overridden: each class has its own.
 */
export function overridden(sema: Sema, c: ts.ClassDeclaration, name: string): boolean {
  if (name.startsWith('#')) return false;
  return (sema.subclassDecls.get(c) ?? []).some((d) => d.members.some((m) => memberName(m) === name) || overridden(sema, d, name));
}

/** The name of a class member (`x`, `#x`), if it has a plain one. */
export function memberName(m: ts.ClassElement): string | undefined {
  return m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) ? m.name.text : undefined;
}

function declareInterface(sema: Sema, d: ts.InterfaceDeclaration): void {
  const methods: string[] = [];
  for (const m of d.members) {
    if (ts.isMethodSignature(m) && ts.isIdentifier(m.name)) methods.push(m.name.text);
    else sema.diags.error('TSK1001', m, `interfaces may declare methods only (no properties or index signatures); use a method such as getX()`);
  }
  if (d.typeParameters) sema.diags.error('TSK1001', d.typeParameters[0], `generic interfaces are not supported yet; declare one interface per element type`);
  if (d.heritageClauses) sema.diags.error('TSK1001', d.heritageClauses[0], `interfaces extending interfaces are not supported yet`);
  sema.interfaces.set(d, { decl: d, name: d.name.text, methods });
}

/** The base class and interfaces of a class (in a generic instance, with its bindings in force). */
export function linkHeritage(sema: Sema, info: ClassInfo): void {
  for (const h of info.decl.heritageClauses ?? []) {
    for (const t of h.types) {
      const decl = sema.symbolOf(t.expression)?.valueDeclaration ?? sema.symbolOf(t.expression)?.declarations?.[0];
      if (h.token === ts.SyntaxKind.ExtendsKeyword) {
        const bt = sema.mtypeOf(sema.checker.getTypeFromTypeNode(t));
        const base = bt?.kind === 'class' ? bt.info : undefined;
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
  const pending: ClassInfo[] = [];
  const define = (info: ClassInfo): void => {
    if (info.state !== 'declared') return;
    // An instance made while its base is being defined waits for the base.
    if (info.base?.state === 'defining') {
      pending.push(info);
      return;
    }
    info.state = 'defining';
    if (info.base) define(info.base);
    const run = (): void => {
      layout(sema, ty, info);
      if (info.base) {
        for (const [name, f] of info.base.methods) info.methods.set(name, f);
        for (const [name, g] of info.base.genericMethods) info.genericMethods.set(name, g);
        info.slots = [...info.base.slots];
      }
      // A generic class's static members belong to its declaration (below).
      for (const m of info.decl.members) {
        if (!isStatic(m)) instanceMember(sema, ty, mangler, info, m);
        else if (!info.instance) staticMember(sema, ty, mangler, info, m);
      }
      if (!info.ctor) info.ctor = implicitCtor(mangler, info);
      checkInterfaces(sema, info);
      if (info.instance) finishInstance(sema, ty, info);
    };
    sema.definingClasses++;
    try {
      if (info.instance) sema.withFacts(info.instance.facts, info.instance.bindings, run);
      else run();
    } finally {
      sema.definingClasses--;
    }
    info.state = 'defined';
    for (const p of pending.splice(0)) define(p);
  };
  sema.classDefiner = define;
  for (const g of sema.genericClasses.values()) {
    for (const m of g.decl.members) if (isStatic(m)) staticMember(sema, ty, mangler, g, m);
  }
  for (const info of sema.classes.values()) define(info);
  for (let i = 0; i < sema.classInstances.length; i++) define(sema.classInstances[i]);
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
    if (!ts.isIdentifier(p.name) && !ts.isPrivateIdentifier(p.name)) {
      sema.diags.error('TSK1001', p.name, `computed field names are not supported; use a plain name`);
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

export function fieldType(sema: Sema, ty: ExprTyper, p: ts.PropertyDeclaration | ts.ParameterDeclaration): MType {
  if (p.type) {
    const t = sema.typeFromNode(p.type);
    checkTemplateStorage(sema, p.type, t, 'a field');
    return t;
  }
  const init = p.initializer;
  if (init) return ty.declaredType(init);
  sema.diags.error('TSK1005', p, `field '${p.name.getText()}' needs a type annotation`);
  return I32;
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

export function isStatic(m: ts.ClassElement): boolean {
  return (ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
}

/** The class whose instance `this` is at `node` (inside a method, constructor or field initializer). */
export function enclosingClass(sema: Sema, node: ts.Node): ClassInfo | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n) || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    if ((ts.isMethodDeclaration(n) || ts.isPropertyDeclaration(n)) && isStatic(n)) return undefined;
    // In a generic class, `this` is the instance being typed or lowered.
    if (ts.isClassDeclaration(n)) return sema.classes.get(n) ?? (sema.facts.owner?.decl === n ? sema.facts.owner : undefined);
  }
  return undefined;
}
