// Lowering: the analysed program (Sema) to an IR Module. Each tskc function
// becomes an IR function in SSA form; globals become data (initialised in
// place when their value is a compile-time constant); the top-level
// statements of every file, in initialisation order, become `tskc.init`,
// which the entry stub calls.
import ts = require('typescript');
import { constant, reversePostorder, sym } from '../ir/ir.js';
import type { Cls, Data, DataItem, Func, Module, Value } from '../ir/ir.js';
import type { FuncInfo } from '../sema/context.js';
import type { ClassInfo, InterfaceInfo } from '../sema/classes.js';
import { vtableSymbol } from '../sema/classes.js';
import { assignable } from '../sema/types.js';
import { prunePhiArgs, removeTrivialPhis } from '../ir/ssa.js';
import type { Sema } from '../sema/context.js';
import { isInt, wrapTo } from '../sema/types.js';
import type { MType } from '../sema/types.js';
import { FnCtx, ModuleCtx, THIS } from './context.js';
import { cls, lowerExpr, storeOp } from './expr.js';
import { lowerStmt } from './stmt.js';
import { parameterSymbol } from '../sema/declarations.js';

export const INIT_FUNC = 'tskc.init';
export function lowerProgram(sema: Sema): Module {
  const mod = new ModuleCtx(sema);
  const funcs: Func[] = [];
  // Each generic instance is lowered with its own facts (expression types).
  const lower = (f: FuncInfo): Func =>
    f.instance ? sema.withFacts(f.instance.facts, f.instance.bindings, () => lowerFunction(mod, f)) : lowerFunction(mod, f);
  for (const info of sema.funcs.values()) if (!info.abstract && !info.extern) funcs.push(lower(info));
  for (const g of sema.generics.values()) for (const inst of g.instances.values()) funcs.push(lower(inst));
  // Constructors the classes do not write (they only run field initializers).
  for (const c of sema.classes.values()) if (c.ctor && !sema.funcs.has(c.ctor.decl)) funcs.push(lower(c.ctor));
  for (const c of sema.classInstances) for (const f of c.own) if (!f.abstract) funcs.push(lower(f));
  for (const c of sema.allClasses()) {
    // Inherited generic methods are compiled with the class that declares them.
    for (const g of c.genericMethods.values()) if (g.owner === c) for (const inst of g.instances.values()) funcs.push(lower(inst));
  }
  funcs.push(lowerInit(mod));
  for (const d of mod.dispatchers.values()) funcs.push(dispatcher(mod, d.iface, d.method, d.params, d.ret));
  for (const g of sema.globals.values()) {
    if (g.extern) continue;
    const d = globalData(g.symbol, g.type, g.value, g.isConst);
    if (g.section) d.sectionName = g.section;
    if (g.align) d.align = Math.max(d.align, g.align);
    mod.data.push(d);
  }
  for (const c of sema.allClasses()) if (c.hasVtable) mod.data.push(vtable(c));
  const externs = [...sema.funcs.values(), ...sema.globals.values()].filter((x) => x.extern).map((x) => x.symbol);
  const interruptStubs = [...sema.funcs.values()].flatMap((f) => (f.interrupt ? [{ name: f.symbol, ...f.interrupt }] : []));
  return { funcs, data: mod.data, init: INIT_FUNC, externs, interruptStubs };
}

function lowerFunction(mod: ModuleCtx, info: FuncInfo): Func {
  // An @interrupt handler's body is called by its stub, which owns the symbol.
  const fx = new FnCtx(mod, info.interrupt?.handler ?? info.symbol, retCls(info.ret), info.exported, info.decl);
  if (info.section) fx.f.section = info.section;
  if (info.noinline) fx.f.noinline = true;
  if (info.naked) {
    // Only asm statements; the parameters stay in their registers.
    fx.f.naked = true;
    for (const s of info.body?.statements ?? []) lowerStmt(fx, s);
    finish(fx, info.body ?? info.decl);
    return fx.f;
  }
  if (info.thisClass) {
    const t = fx.temp('l', 'this');
    fx.f.params.push(t);
    fx.writeVar(THIS, t);
  }
  for (const p of info.params) {
    const t = fx.temp(cls(p.type), p.name);
    fx.f.params.push(t);
    fx.writeVar(p.sym, t);
  }
  if (info.ctorOf) {
    fx.ctorOf = info.ctorOf;
    const base = info.ctorOf.base;
    if (!base) initFields(fx, info.ctorOf);
    else if (!info.body) {
      // The implicit constructor of a derived class: super(...params), then fields.
      const args = fx.f.params.slice(1);
      fx.effect('call', 'l', [fx.readVar(THIS, 'l', 'this'), ...args], { callee: sym(base.ctor!.symbol) });
      initFields(fx, info.ctorOf);
    } // else: initFields runs right after the body's super(…) call
  }
  for (const s of info.body?.statements ?? []) lowerStmt(fx, s);
  finish(fx, info.body ?? info.decl);
  return fx.f;
}

/**
 * The start of every constructor, as in JavaScript: parameter properties
 * are stored, then field initializers run in order. Other fields stay zero.
 */
export function initFields(fx: FnCtx, c: ClassInfo): void {
  const self = fx.readVar(THIS, 'l', 'this');
  for (const f of c.fields) {
    if (f.inline) {
      // The elements are already zero (objects start zeroed); set the length.
      const at = f.offset === 0 ? self : fx.emit('add', 'l', [self, constant(f.offset)]);
      fx.effect('storel', 'l', [constant(f.inline.length), at]);
      continue;
    }
    let v: Value | undefined;
    if (ts.isParameter(f.decl)) v = fx.readVar(parameterSymbol(fx.sema, f.decl)!, cls(f.type), f.name);
    else if (f.init) {
      fx.setLoc(f.decl);
      v = lowerExpr(fx, f.init);
    }
    if (!v) continue;
    const addr = f.offset === 0 ? self : fx.emit('add', 'l', [self, constant(f.offset)]);
    fx.effect(storeOp(f.type), cls(f.type), [v, addr]);
  }
}

/** A class's vtable: the code address of the method in each slot. */
function vtable(c: ClassInfo): Data {
  // An abstract class's own slots for abstract methods are never called
  // (it has no instances): they hold 0.
  const items: DataItem[] = c.slots.map((name): DataItem => {
    const m = c.methods.get(name)!;
    return m.abstract ? { kind: 'int', size: 8, value: 0n } : { kind: 'addr', sym: m.symbol };
  });
  return { name: vtableSymbol(c), section: 'rodata', align: 8, exported: false, items: items.length ? items : [{ kind: 'int', size: 8, value: 0n }] };
}

/**
 * The dispatch function of interface method I.m: it compares the object's
 * vtable with each class that implements I and calls that class's method.
 */
function dispatcher(mod: ModuleCtx, iface: InterfaceInfo, method: string, params: MType[], ret: MType): Func {
  const fx = new FnCtx(mod, dispatcherSymbol(iface, method), retCls(ret), false, iface.decl);
  const self = fx.temp('l', 'this');
  fx.f.params.push(self, ...params.map((p) => fx.temp(cls(p))));
  const vptr = fx.emit('loadl', 'l', [self]);
  for (const c of mod.sema.allClasses()) {
    if (!assignable({ kind: 'class', info: c }, { kind: 'iface', info: iface })) continue;
    if (c.methods.get(method)?.abstract) continue; // an abstract class has no instances
    const hit = fx.newBlock(c.name);
    const next = fx.newBlock('next');
    fx.branch(fx.emit('ceq', 'w', [vptr, sym(vtableSymbol(c))], { argCls: 'l' }), hit, next);
    fx.enter(hit);
    const impl = c.methods.get(method)!;
    if (ret.kind === 'void' || ret.kind === 'never') {
      fx.effect('call', 'l', [...fx.f.params], { callee: sym(impl.symbol) });
      fx.block.term = { kind: 'ret', value: null };
    } else {
      fx.block.term = { kind: 'ret', value: fx.emit('call', cls(ret), [...fx.f.params], { callee: sym(impl.symbol) }) };
    }
    fx.enter(next);
  }
  fx.block.term = { kind: 'unreachable' }; // every object of type I is one of those classes
  finish(fx, iface.decl);
  return fx.f;
}

export const dispatcherSymbol = (iface: InterfaceInfo, method: string): string => `${iface.name}.${method}.dispatch`;

function retCls(t: MType): Cls | null {
  return t.kind === 'void' || t.kind === 'never' ? null : cls(t);
}

/** The init function: global initialisers and top-level statements, file by file. */
function lowerInit(mod: ModuleCtx): Func {
  const sema = mod.sema;
  const first = sema.files[sema.files.length - 1];
  const fx = new FnCtx(mod, INIT_FUNC, null, true, first);
  for (const sf of sema.files) {
    for (const st of sf.statements) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const g = sema.globals.get(sema.symbolOf(d.name)!);
          if (!g || !d.initializer || g.value !== undefined) continue;
          fx.setLoc(d);
          const v = lowerExpr(fx, d.initializer);
          fx.effect(storeOp(g.type), cls(g.type), [v, sym(g.symbol)]);
        }
      } else if (ts.isClassDeclaration(st)) {
        // Static fields whose initializer is not a compile-time constant.
        for (const m of st.members) {
          if (!ts.isPropertyDeclaration(m) || !m.initializer) continue;
          const g = sema.globals.get(sema.symbolOf(m.name)!);
          if (!g || g.value !== undefined) continue;
          fx.setLoc(m);
          fx.effect(storeOp(g.type), cls(g.type), [lowerExpr(fx, m.initializer), sym(g.symbol)]);
        }
      } else if (isExecutable(st, sema)) {
        lowerStmt(fx, st);
      }
    }
  }
  finish(fx, first);
  return fx.f;
}

function isExecutable(st: ts.Statement, sema: Sema): boolean {
  return !(ts.isFunctionDeclaration(st) || ts.isImportDeclaration(st) || ts.isExportDeclaration(st) ||
    ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isEnumDeclaration(st) || ts.isClassDeclaration(st) || (ts.isModuleDeclaration(st) && sema.isRuntime(st)));
}

/** Ends the function's last block, drops unreachable blocks and trivial phis. */
function finish(fx: FnCtx, end: ts.Node): void {
  fx.setLoc(end);
  const f = fx.f;
  if (fx.block.term.kind === 'unreachable') {
    // Falling off the end: void functions return; TS has already checked that
    // value-returning ones cannot get here.
    // A naked function that runs off its asm reaches ud2.
    fx.block.term = f.ret || f.naked ? { kind: 'unreachable' } : { kind: 'ret', value: null };
  }
  const live = new Set(reversePostorder(f));
  f.blocks = f.blocks.filter((b) => live.has(b));
  prunePhiArgs(f);
  removeTrivialPhis(f);
}

function globalData(name: string, t: MType, value: bigint | undefined, isConst: boolean): Data {
  const size = isInt(t) ? t.bits / 8 : t.kind === 'bool' ? 1 : 8;
  const items: DataItem[] = value !== undefined
    ? [{ kind: 'int', size: size as 1 | 2 | 4 | 8, value: isInt(t) ? wrapTo(t, value) : value }]
    : [{ kind: 'zero', size }];
  const section = value === undefined ? 'bss' : isConst ? 'rodata' : 'data';
  return { name, section, align: size, items, exported: false };
}

