// Lowering state: the module being built (static data, interned strings)
// and, per function, the IR function under construction with its SSA
// builder, current block, loop targets and current source location.
import ts = require('typescript');
import { newBlock, newFunc, newTemp, sym } from '../ir/ir.js';
import type { Block, Cls, Data, Func, Instr, Op, SourceLoc, Temp, Value } from '../ir/ir.js';
import { SsaBuilder } from '../ir/ssa.js';
import type { VarKey } from '../ir/ssa.js';
import type { IfaceCall, Sema } from '../sema/context.js';
import type { ClassInfo } from '../sema/classes.js';

export class ModuleCtx {
  readonly data: Data[] = [];
  /** Interface methods called so far; each gets a dispatch function. */
  readonly dispatchers = new Map<string, IfaceCall>();
  private readonly strings = new Map<string, string>();
  private statics = 0;

  constructor(readonly sema: Sema) {}

  /** The symbol of a string literal: `u64 length; bytes; NUL` in .rodata. */
  string(text: string): Value {
    let name = this.strings.get(text);
    if (!name) {
      name = `str.${this.strings.size}`;
      this.strings.set(text, name);
      const bytes = new TextEncoder().encode(text);
      this.data.push({
        name, section: 'rodata', align: 8, exported: false,
        items: [{ kind: 'int', size: 8, value: BigInt(bytes.length) }, { kind: 'bytes', bytes }, { kind: 'int', size: 1, value: 0n }],
      });
    }
    return sym(name);
  }

  /** A zeroed static block: memory.data(n), and objects made by module-level `new`. */
  staticBlock(size: number, align = 16): Value {
    const name = `static.${this.statics++}`;
    this.data.push({ name, section: 'bss', align, exported: false, items: [{ kind: 'zero', size }] });
    return sym(name);
  }

  /** The symbol of a runtime support function (runtime/…), by its TS name. */
  runtimeFunc(name: string): Value {
    const symbol = `tskc.${name}`;
    for (const f of this.sema.funcs.values()) if (f.symbol === symbol) return sym(symbol);
    throw new Error(`internal: runtime function ${name} is missing for target ${this.sema.target.name}`);
  }
}

/** Where break and continue go: loops have both, switch and labelled blocks only brk. */
export interface JumpTargets {
  brk: Block;
  cont: Block | null;
  label?: string;
}

/** The SSA variable holding `this` in methods and constructors. */
export const THIS: VarKey = { this: true };

export class FnCtx {
  readonly f: Func;
  readonly ssa: SsaBuilder;
  block: Block;
  loc?: SourceLoc;
  readonly loops: JumpTargets[] = [];
  /** In a constructor: its class, whose field initializers run after super(). */
  ctorOf?: ClassInfo;


  constructor(readonly mod: ModuleCtx, name: string, ret: Cls | null, exported: boolean, node: ts.Node) {
    this.f = newFunc(name, ret, exported);
    this.ssa = new SsaBuilder(this.f);
    this.setLoc(node);
    this.f.loc = this.loc;
    this.block = newBlock(this.f, 'entry');
    this.block.loc = this.loc;
    this.ssa.seal(this.block);
  }

  get sema(): Sema {
    return this.mod.sema;
  }

  setLoc(node: ts.Node): void {
    const sf = node.getSourceFile();
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    this.loc = { file: sf.fileName, line: line + 1, col: character + 1 };
  }

  temp(cls: Cls, hint?: string): Temp {
    return newTemp(this.f, cls, hint);
  }

  /** Appends an instruction with a result; returns the result temporary. */
  emit(op: Op, cls: Cls, args: Value[], extra: Partial<Instr> = {}): Temp {
    const dst = this.temp(cls);
    this.block.instrs.push({ op, cls, dst, args, loc: this.loc, ...extra });
    return dst;
  }

  /** An instruction with no result (stores, port writes). */
  effect(op: Op, cls: Cls, args: Value[], extra: Partial<Instr> = {}): void {
    this.block.instrs.push({ op, cls, dst: null, args, loc: this.loc, ...extra });
  }

  newBlock(label: string): Block {
    const b = newBlock(this.f, label);
    b.loc = this.loc;
    return b;
  }

  jump(target: Block): void {
    this.block.term = { kind: 'jmp', target };
    this.ssa.addEdge(this.block, target);
  }

  branch(cond: Value, ifTrue: Block, ifFalse: Block): void {
    this.block.term = { kind: 'jnz', cond, ifTrue, ifFalse };
    this.ssa.addEdge(this.block, ifTrue);
    if (ifFalse !== ifTrue) this.ssa.addEdge(this.block, ifFalse);
  }

  /** Continues in `b` (whose predecessors must all be known, so it is sealed). */
  enter(b: Block): void {
    this.ssa.seal(b);
    this.block = b;
  }

  /** After return/break/continue: later code goes to a block nothing reaches. */
  deadEnd(): void {
    const dead = this.newBlock('dead');
    this.ssa.seal(dead);
    this.block = dead;
  }

  readVar(key: VarKey, cls: Cls, hint?: string): Value {
    return this.ssa.read(key, this.block, cls, hint);
  }

  writeVar(key: VarKey, value: Value): void {
    this.ssa.write(key, this.block, value);
  }
}
