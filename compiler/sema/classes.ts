// Classes as structs (docs/language.md §6.5): the layout of each class's
// fields (declaration order, each aligned to its size, C-compatible), its
// constructor and methods as functions with an implicit `this`, and its
// static fields as globals. Inheritance and interfaces come later.
import ts from 'typescript';
import type { FuncInfo, GlobalInfo, Sema } from './context.js';
import type { ExprTyper } from './expr.js';
import type { Mangler } from './declarations.js';
import { signatureOf } from './declarations.js';
import { constValue } from './consteval.js';
import { I32, VOID, isInt, storageOf } from './types.js';
import type { MType } from './types.js';

export interface FieldInfo {
  name: string;
  type: MType;
  offset: number;
  decl: ts.PropertyDeclaration | ts.ParameterDeclaration;
  /** Initializer run at the start of the constructor. */
  init?: ts.Expression;
}

/** The field a property symbol names (by declaration: accesses may see transient symbols). */
export function fieldOf(info: ClassInfo, sym: ts.Symbol | undefined): FieldInfo | undefined {
  const decl = sym?.valueDeclaration;
  return decl ? info.fieldByDecl.get(decl) : undefined;
}

export interface ClassInfo {
  decl: ts.ClassDeclaration;
  name: string;
  /** The assembly symbol prefix: methods are `PREFIX.name`. */
  symbol: string;
  fields: FieldInfo[];
  /** Fields by their declaration (a property, or a parameter property). */
  fieldByDecl: Map<ts.Declaration, FieldInfo>;
  size: number;
  align: number;
  ctor?: FuncInfo;
}

/** Phase 1: one ClassInfo per class, so any signature can name any class. */
export function declareClasses(sema: Sema, mangler: Mangler): void {
  for (const sf of sema.files) {
    for (const st of sf.statements) {
      if (!ts.isClassDeclaration(st)) continue;
      if (!st.name) {
        sema.diags.error('TSK1001', st, `anonymous classes are not supported; give the class a name`);
        continue;
      }
      for (const h of st.heritageClauses ?? []) {
        sema.diags.error('TSK1001', h, `'extends' and 'implements' are not supported yet; compose classes by holding a reference`);
      }
      if (st.typeParameters) sema.diags.error('TSK1001', st.typeParameters[0], `generic classes are not supported yet`);
      const info: ClassInfo = {
        decl: st, name: st.name.text, symbol: mangler.symbol(st, st.name.text),
        fields: [], fieldByDecl: new Map(), size: 0, align: 1,
      };
      sema.classes.set(st, info);
    }
  }
}

/** Phase 2: layouts, constructors, methods and static fields. */
export function defineClasses(sema: Sema, ty: ExprTyper, mangler: Mangler): void {
  for (const info of sema.classes.values()) {
    layout(sema, ty, info);
    for (const m of info.decl.members) member(sema, ty, mangler, info, m);
    if (!info.ctor) info.ctor = implicitCtor(sema, mangler, info);
  }
}

function layout(sema: Sema, ty: ExprTyper, info: ClassInfo): void {
  const ctor = info.decl.members.find(ts.isConstructorDeclaration);
  // Parameter properties come first, as in the JavaScript object.
  const props: (ts.PropertyDeclaration | ts.ParameterDeclaration)[] = [
    ...(ctor?.parameters.filter((p) => ts.isParameterPropertyDeclaration(p, ctor)) ?? []),
    ...info.decl.members.filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && !isStatic(m)),
  ];
  let offset = 0;
  for (const p of props) {
    if (!ts.isIdentifier(p.name)) {
      sema.diags.error('TSK1001', p.name, `computed and private (#) field names are not supported; use a plain name`);
      continue;
    }
    const type = fieldType(sema, ty, p);
    const { size, align } = storageOf(type);
    offset = alignUp(offset, align);
    const field: FieldInfo = { name: p.name.text, type, offset, decl: p, init: ts.isPropertyDeclaration(p) ? p.initializer : undefined };
    info.fields.push(field);
    info.fieldByDecl.set(p, field);
    offset += size;
    info.align = Math.max(info.align, align);
  }
  info.size = alignUp(offset, info.align);
}

function fieldType(sema: Sema, ty: ExprTyper, p: ts.PropertyDeclaration | ts.ParameterDeclaration): MType {
  if (p.type) return sema.typeFromNode(p.type);
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
    sema.funcs.set(m, {
      decl: m, name: `${info.name}.${name}`, body: m.body, symbol: mangler.symbol(m, `${info.symbol}.${name}`),
      ...sig, exported: true, thisClass: isStatic(m) ? undefined : info,
    });
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

/** A class without a constructor gets one that runs its field initializers. */
function implicitCtor(sema: Sema, mangler: Mangler, info: ClassInfo): FuncInfo {
  return {
    decl: info.decl, name: `${info.name}.constructor`, symbol: mangler.symbol(info.decl, `${info.symbol}.constructor`),
    params: [], ret: VOID, exported: true, thisClass: info, ctorOf: info,
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
