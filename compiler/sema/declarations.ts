// Top-level declarations: functions and module-level variables of every file,
// their machine types, and their assembly symbols. Symbols are the TS names
// where unique; runtime support code is prefixed `tskc.`, and a name used in
// two user files is qualified with its file name (`vga.write`).
import ts = require('typescript');
import { basename } from 'node:path';
import type { FuncInfo, GenericInfo, GlobalInfo, Sema } from './context.js';
import { BodyFacts } from './context.js';
import { declareClasses, defineClasses } from './classes.js';
import type { ExprTyper } from './expr.js';
import { constValue } from './consteval.js';
import { I32, INT_TYPES, VOID, isInt, typeName } from './types.js';
import type { MType } from './types.js';
import { unsupportedMessage } from './unsupported.js';
import { mangleArgs } from './instances.js';
import { checkInterruptSignature, readAttrs } from './attributes.js';
import { checkTemplateStorage } from './templates.js';
import { earlyConstants } from './earlyconsts.js';

/** Symbols the generated entry code and linker script own. */
const RESERVED = new Set(['_start', 'main']);

export function collectDeclarations(sema: Sema, ty: ExprTyper): void {
  const mangler = new Mangler(sema);
  declareClasses(sema, mangler);
  for (const sf of sema.files) {
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st)) collectFunction(sema, mangler, st);
    }
  }
  // Constants that field initializers may name first; the other globals
  // after functions and classes, so initialisers can call and construct.
  const early = earlyConstants(sema);
  for (const st of early) collectGlobals(sema, ty, mangler, st);
  defineClasses(sema, ty, mangler);
  const done = new Set(early);
  for (const sf of sema.files) {
    for (const st of sf.statements) {
      if (ts.isVariableStatement(st) && !done.has(st)) collectGlobals(sema, ty, mangler, st);
    }
  }
  for (const f of sema.funcs.values()) for (const p of f.params) if (p.init) checkDefault(sema, ty, p.init, p.type, p.name);
}

/**
 * A default value is evaluated at each call that leaves the argument out,
 * in the caller; so it may use constants, globals and calls, not the
 * function's other parameters.
 */
export function checkDefault(sema: Sema, ty: ExprTyper, init: ts.Expression, type: MType, name: string): void {
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const decl = sema.symbolOf(n)?.valueDeclaration;
      if (decl && ts.isParameter(decl)) {
        sema.diags.error('TSK1001', n, `the default value of '${name}' uses parameter '${n.text}'; default values are evaluated by the caller and may use only constants, globals and calls`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(init);
  ty.expect(init, type, `the default value of '${name}'`);
}

export class Mangler {
  private readonly used = new Set<string>();
  private readonly userNames = new Map<string, number>();

  constructor(private readonly sema: Sema) {
    // Count user-file names first so a clash qualifies every user of it.
    for (const sf of sema.files) {
      if (sema.isRuntime(sf)) continue;
      for (const st of sf.statements) {
        const names = (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name ? [st.name.text]
          : ts.isVariableStatement(st) ? st.declarationList.declarations.map((d) => d.name.getText()) : [];
        for (const n of names) this.userNames.set(n, (this.userNames.get(n) ?? 0) + 1);
      }
    }
  }

  /** A symbol the program names itself (@export, @extern): used as written, once. */
  claim(node: ts.Node, name: string): string {
    if (this.used.has(name)) this.sema.diags.error('TSK1030', node, `symbol '${name}' is already used by another declaration; choose another name`);
    this.used.add(name);
    return name;
  }

  symbol(node: ts.Node, name: string): string {
    const sf = node.getSourceFile();
    let s: string;
    if (this.sema.isRuntime(sf)) s = `tskc.${name}`;
    else if ((this.userNames.get(name) ?? 0) > 1 || RESERVED.has(name) || name.startsWith('tskc')) {
      s = `${basename(sf.fileName, '.ts').replace(/[^A-Za-z0-9_]/g, '_')}.${name}`;
    } else s = name;
    for (let n = 2; this.used.has(s); n++) s = `${s}.${n}`;
    this.used.add(s);
    return s;
  }
}

function isExported(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

function collectFunction(sema: Sema, mangler: Mangler, decl: ts.FunctionDeclaration): void {
  const name = decl.name?.text ?? 'default';
  if (!decl.body) {
    // Runtime declarations of intrinsics have no body; user ones are @extern.
    if (sema.intrinsicName(decl) || sema.isRuntime(decl)) return;
    const attrs = readAttrs(sema, decl, 'extern function');
    if (!attrs.externName) {
      sema.diags.error('TSK1001', decl, `a function without a body must be an external symbol: tag it '/** @extern NAME */' (linked from NASM code), or write the function in TypeScript`);
      return;
    }
    const { params, ret } = signatureOf(sema, decl, name);
    sema.funcs.set(decl, { decl, name, symbol: mangler.claim(decl, attrs.externName), params, ret, exported: false, extern: true });
    return;
  }
  const attrs = readAttrs(sema, decl, 'function');
  if (decl.typeParameters) {
    // Compiled once per list of type arguments it is called with (instantiate).
    sema.generics.set(decl, { decl, name, symbol: mangler.symbol(decl, name), instances: new Map() });
    return;
  }
  if (decl.asteriskToken || decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
    sema.diags.error('TSK1001', decl, `generators and async functions are not supported; tskc has no runtime for them`);
  }
  const { params, ret } = signatureOf(sema, decl, name);
  const symbol = attrs.exportName ? mangler.claim(decl, attrs.exportName) : mangler.symbol(decl, name);
  const info: FuncInfo = { decl, name, body: decl.body, symbol, params, ret, exported: isExported(decl) || !!attrs.exportName };
  if (attrs.section) info.section = attrs.section;
  if (attrs.noinline) info.noinline = true;
  if (attrs.interrupt) {
    const errorCode = checkInterruptSignature(sema, decl, params.map((p) => p.type), ret);
    info.interrupt = { errorCode, handler: `${symbol}.handler` };
  }
  sema.funcs.set(decl, info);
}

/**
 * The instance of a generic function for these type arguments: created on
 * the first call that needs it, its signature and body typed with the type
 * parameters bound (in its own BodyFacts), its symbol `name.T1.T2`.
 */
export function instantiate(sema: Sema, g: GenericInfo, args: MType[], typeBody: (f: FuncInfo) => void): FuncInfo {
  const key = args.map(typeName).join(',');
  const known = g.instances.get(key);
  if (known) return known;
  // A generic method of a generic class's instance also sees the class's bindings.
  const bindings = new Map<ts.Symbol, MType>(g.owner?.instance?.bindings);
  g.decl.typeParameters!.forEach((tp, i) => {
    const sym = sema.checker.getSymbolAtLocation(tp.name);
    if (sym) bindings.set(sym, args[i]);
  });
  const facts = new BodyFacts();
  facts.owner = g.owner?.instance ? g.owner : undefined;
  const info = sema.withFacts(facts, bindings, (): FuncInfo => ({
    decl: g.decl, name: `${g.name}<${key}>`, body: g.decl.body, symbol: `${g.symbol}.${mangleArgs(args)}`,
    ...signatureOf(sema, g.decl, g.name), exported: false, instance: { facts, bindings }, thisClass: g.owner,
  }));
  g.instances.set(key, info); // before the body: recursion finds it
  sema.withFacts(facts, bindings, () => typeBody(info));
  return info;
}

/**
 * The symbol a parameter's uses in the body resolve to. A parameter
 * property (`constructor(public size: i32)`) has two, the property's (what
 * its name resolves to) and the parameter's: the body reads the parameter.
 */
export function parameterSymbol(sema: Sema, p: ts.ParameterDeclaration): ts.Symbol | undefined {
  if (ts.isIdentifier(p.name) && ts.isParameterPropertyDeclaration(p, p.parent)) {
    return sema.checker.getSymbolsOfParameterPropertyDeclaration(p, p.name.text)[0];
  }
  return sema.symbolOf(p.name);
}

/** Parameter and return types of a function, method or constructor. */
export function signatureOf(sema: Sema, decl: ts.SignatureDeclaration, name: string): Pick<FuncInfo, 'params' | 'ret'> {
  const params: FuncInfo['params'] = [];
  for (const p of decl.parameters) {
    if (!ts.isIdentifier(p.name)) {
      sema.diags.error('TSK1001', p.name, unsupportedMessage(p.name));
      continue;
    }
    const sym = parameterSymbol(sema, p);
    if (!p.type) sema.diags.error('TSK1005', p, `parameter '${p.name.text}' needs a type annotation`);
    const type = p.type ? sema.typeFromNode(p.type) : I32;
    if (p.dotDotDotToken || p.questionToken) badParameter(sema, p, p.name.text, type);
    if (sym) sema.locals.set(sym, type);
    if (sym) params.push({ sym, name: p.name.text, type, init: p.initializer });
  }
  if (ts.isConstructorDeclaration(decl)) return { params, ret: VOID };
  let ret: MType = VOID;
  if (decl.type) {
    ret = sema.typeFromNode(decl.type);
    checkTemplateStorage(sema, decl.type, ret, 'a return value');
  } else {
    const sig = sema.checker.getSignatureFromDeclaration(decl);
    const rt = sig && sema.checker.getReturnTypeOfSignature(sig);
    // TypeScript infers `number` for integer arithmetic too; only a written
    // type says which machine type the function returns.
    const inferred = rt && !(rt.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) ? sema.mtypeOf(rt) : undefined;
    if (inferred) ret = inferred;
    else sema.diags.error('TSK1005', decl.name ?? decl, `'${name}' needs a return type annotation, e.g. ': i32'`);
  }
  return { params, ret };
}

/**
 * Optional parameters without a default and rest parameters (TSK1016):
 * the first would be undefined when left out, the second allocate an array
 * at each call. The message suggests a default value of the parameter's type.
 */
function badParameter(sema: Sema, p: ts.ParameterDeclaration, name: string, type: MType): void {
  const written = p.type ? p.type.getText() : typeName(type);
  if (p.dotDotDotToken) {
    sema.diags.error('TSK1016', p, `rest parameter '...${name}' would build an array at every call, a hidden allocation; take an array instead ('${name}: ${written}') and pass an array literal`);
    return;
  }
  const zero = isInt(type) ? '0' : type.kind === 'float' ? '0.0' : type.kind === 'bool' ? 'false' : type.kind === 'string' ? "''" : 'null';
  const decl = zero !== 'null' ? `${name}: ${written} = ${zero}` : `${name}: ${/\bnull\b/.test(written) ? written : `${written} | null`} = null`;
  sema.diags.error('TSK1016', p, `optional parameter '${name}?' is undefined when its argument is left out, and tskc has no undefined value; give it a default value instead, e.g. '${decl}'`);
}

function collectGlobals(sema: Sema, ty: ExprTyper, mangler: Mangler, st: ts.VariableStatement): void {
  const list = st.declarationList;
  if (st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) {
    if (!sema.isRuntime(st)) externGlobals(sema, mangler, st);
    return;
  }
  const attrs = readAttrs(sema, st, 'global');
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) {
    sema.diags.error('TSK1001', st, unsupportedMessage(st));
    return;
  }
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  for (const d of list.declarations) {
    if (!ts.isIdentifier(d.name)) {
      sema.diags.error('TSK1001', d.name, unsupportedMessage(d.name));
      continue;
    }
    const sym = sema.symbolOf(d.name);
    if (!sym) continue;
    let type: MType;
    if (d.type) {
      type = sema.typeFromNode(d.type);
      checkTemplateStorage(sema, d.type, type, 'a module-level variable');
    } else if (d.initializer) type = ty.declaredType(d.initializer);
    else {
      sema.diags.error('TSK1005', d, `'${d.name.text}' needs a type annotation or an initializer`);
      type = I32;
    }
    const symbol = attrs.exportName ? mangler.claim(d, attrs.exportName) : mangler.symbol(d, d.name.text);
    const g: GlobalInfo = { decl: d, symbol, type, isConst };
    if (attrs.section) g.section = attrs.section;
    if (attrs.align) g.align = attrs.align;
    if (d.initializer) {
      ty.expect(d.initializer, type, `'${d.name.text}'`);
      if (isInt(type) || type.kind === 'bool' || type.kind === 'ptr') g.value = constValue(sema, d.initializer, isInt(type) ? type : type.kind === 'ptr' ? INT_TYPES.usize : undefined);
    }
    sema.globals.set(sym, g);
  }
}

/** `/** @extern NAME *\/ declare const x: T`: a T stored at a symbol the linker resolves. */
function externGlobals(sema: Sema, mangler: Mangler, st: ts.VariableStatement): void {
  const attrs = readAttrs(sema, st, 'extern global');
  const d = st.declarationList.declarations[0];
  if (!attrs.externName || st.declarationList.declarations.length !== 1 || !ts.isIdentifier(d.name) || !d.type) {
    sema.diags.error('TSK1001', st, `an ambient ('declare') variable must be one typed external symbol: '/** @extern NAME */ declare const x: u64;'`);
    return;
  }
  const sym = sema.symbolOf(d.name);
  if (!sym) return;
  const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
  sema.globals.set(sym, { decl: d, symbol: mangler.claim(d, attrs.externName), type: sema.typeFromNode(d.type), isConst, extern: true });
}
