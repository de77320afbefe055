// Lowering: the analysed program (Sema) to an IR Module. Each tskc function
// becomes an IR function in SSA form; globals become data (initialised in
// place when their value is a compile-time constant); the top-level
// statements of every file, in initialisation order, become `tskc.init`,
// which the entry stub calls.
import ts from 'typescript';
import { constant, reversePostorder, sym } from '../ir/ir.js';
import type { Cls, Data, DataItem, Func, Module, Value } from '../ir/ir.js';
import type { FuncInfo } from '../sema/context.js';
import type { ClassInfo } from '../sema/classes.js';
import { prunePhiArgs, removeTrivialPhis } from '../ir/ssa.js';
import type { Sema } from '../sema/context.js';
import { isInt, wrapTo } from '../sema/types.js';
import type { MType } from '../sema/types.js';
import { FnCtx, ModuleCtx, THIS } from './context.js';
import { cls, lowerExpr, storeOp } from './expr.js';
import { lowerStmt } from './stmt.js';

export const INIT_FUNC = 'tskc.init';

export function lowerProgram(sema: Sema): Module {
  const mod = new ModuleCtx(sema);
  const funcs: Func[] = [];
  for (const info of sema.funcs.values()) funcs.push(lowerFunction(mod, info));
  // Constructors the classes do not write (they only run field initializers).
  for (const c of sema.classes.values()) if (c.ctor && !sema.funcs.has(c.ctor.decl)) funcs.push(lowerFunction(mod, c.ctor));
  funcs.push(lowerInit(mod));
  for (const g of sema.globals.values()) mod.data.push(globalData(g.symbol, g.type, g.value, g.isConst));
  return { funcs, data: mod.data, init: INIT_FUNC };
}

function lowerFunction(mod: ModuleCtx, info: FuncInfo): Func {
  const fx = new FnCtx(mod, info.symbol, retCls(info.ret), info.exported, info.decl);
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
  if (info.ctorOf) initFields(fx, info.ctorOf);
  for (const s of info.body?.statements ?? []) lowerStmt(fx, s);
  finish(fx, info.body ?? info.decl);
  return fx.f;
}

/**
 * The start of every constructor, as in JavaScript: parameter properties
 * are stored, then field initializers run in order. Other fields stay zero.
 */
function initFields(fx: FnCtx, c: ClassInfo): void {
  const self = fx.readVar(THIS, 'l', 'this');
  for (const f of c.fields) {
    let v: Value | undefined;
    if (ts.isParameter(f.decl)) v = fx.readVar(fx.sema.symbolOf(f.decl.name)!, cls(f.type), f.name);
    else if (f.init) {
      fx.setLoc(f.decl);
      v = lowerExpr(fx, f.init);
    }
    if (!v) continue;
    const addr = f.offset === 0 ? self : fx.emit('add', 'l', [self, constant(f.offset)]);
    fx.effect(storeOp(f.type), cls(f.type), [v, addr]);
  }
}

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
    fx.block.term = f.ret ? { kind: 'unreachable' } : { kind: 'ret', value: null };
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

