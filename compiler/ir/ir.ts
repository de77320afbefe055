// The IR: SSA over basic blocks, with typed temporaries (QBE-like classes
// w/l for integers, s/d for f32/f64), an explicit terminator per block, and phis at block heads. It is
// what lowering produces, what the passes rewrite, and what isel consumes.
import type { Cls, FloatCls, IntCls, Op } from './ops.js';
import type { AsmSpec } from './asm.js';

export type { Cls, FloatCls, IntCls, Op } from './ops.js';

export interface SourceLoc {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  /** Set on code the inliner copied: which function it came from and where that call was. */
  inlined?: InlineSite;
}

/** A call the inliner replaced by a copy of the callee (passes/inline.ts). */
export interface InlineSite {
  /** The callee's name (as the debug table names functions). */
  callee: string;
  /** Where the call was; its own `inlined` when the call was itself in inlined code. */
  call: SourceLoc;
}

/** An SSA temporary. `hint` is a readable name for printing (a TS local). */
export interface Temp {
  kind: 'temp';
  id: number;
  cls: Cls;
  hint?: string;
}

/**
 * A constant. An integer constant (no `float`) takes its class from the
 * instruction that uses it. A float constant has `float` set to its class,
 * s or d, and `value` holds its IEEE-754 bit pattern (unsigned, 32 or 64
 * bits), so every float value (-0, NaN payloads, denormals) is exact. Build
 * them with `fconst`; read them with `constFloat`.
 */
export interface Const {
  kind: 'const';
  value: bigint;
  float?: FloatCls;
}

/** The address of a symbol (function or data), class `l`. */
export interface Sym {
  kind: 'sym';
  name: string;
}

export type Value = Temp | Const | Sym;

export interface Instr {
  op: Op;
  /** The result class (for stores and effects: the class of the value operand). */
  cls: Cls;
  dst: Temp | null;
  args: Value[];
  /** Comparisons: the class their operands are compared in. */
  argCls?: Cls;
  /** Calls: the function called (a Sym for direct calls). */
  callee?: Value;
  /** Loads and stores that must happen exactly as written (MMIO). */
  volatile?: boolean;
  /**
   * Loads of memory that never changes once the load can run: an array's or
   * a string's length (docs/language.md §6.6). Passes may reuse such a load
   * across stores and calls.
   */
  invariant?: boolean;
  /**
   * Loads and stores: what kind of memory they access (ir/alias.ts), from
   * the TypeScript types: `C.f` a field (C the class that declares it),
   * `#w4` an array element (class and size), `$g` a global. Accesses with
   * different tags never overlap; an untagged one may overlap anything.
   */
  alias?: string;
  /** Inline assembly: its template, operands, clobbers and options. */
  asm?: AsmSpec;
  loc?: SourceLoc;
}

export interface PhiArg {
  pred: Block;
  value: Value;
}

export interface Phi {
  dst: Temp;
  args: PhiArg[];
}

/** One arm of a switch: control goes to `target` when the value equals `value`. */
export interface SwitchCase {
  value: bigint;
  target: Block;
}

export type Terminator =
  | { kind: 'jmp'; target: Block }
  | { kind: 'jnz'; cond: Value; ifTrue: Block; ifFalse: Block }
  /**
   * A multi-way branch on an integer of class `cls` (w or l): to the target
   * of the case whose value equals `value` (compared modulo 2^32 for w, 2^64
   * for l), else to `default`. Case values are distinct in that sense; several
   * cases may share a target. Printed `switch w %x.3, @dflt.4, [0 @a.1, 5 @b.2]`.
   */
  | { kind: 'switch'; cls: IntCls; value: Value; cases: SwitchCase[]; default: Block }
  | { kind: 'ret'; value: Value | null }
  /** Control never gets here (after a call that does not return). */
  | { kind: 'unreachable' };

export interface Block {
  id: number;
  label: string;
  phis: Phi[];
  instrs: Instr[];
  term: Terminator;
  loc?: SourceLoc;
}

export interface Func {
  name: string;
  params: Temp[];
  ret: Cls | null;
  blocks: Block[]; // blocks[0] is the entry
  exported: boolean;
  /** A named section for the code (`@section`); default .text. */
  section?: string;
  /** `@naked`: no prologue or epilogue; the body is inline asm only. */
  naked?: boolean;
  /** `@noinline`: calls of it are never inlined. */
  noinline?: boolean;
  loc?: SourceLoc;
  nextTemp: number;
  nextBlock: number;
}

export type DataItem =
  | { kind: 'int'; size: 1 | 2 | 4 | 8; value: bigint }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'addr'; sym: string }
  | { kind: 'zero'; size: number };

export type Section = 'rodata' | 'data' | 'bss';

export interface Data {
  name: string;
  section: Section;
  align: number;
  items: DataItem[];
  exported: boolean;
  /** A named section (`@section`) instead of `section`'s default one; zero data is stored, not reserved. */
  sectionName?: string;
}

/** The entry stub of an `@interrupt` handler (x86/interrupts.ts writes it). */
export interface InterruptStub {
  /** The stub's symbol: the handler's address as a value. */
  name: string;
  /** The handler body, a SysV function (frame in rdi, error code in rsi). */
  handler: string;
  /** Whether the CPU pushes an error code for the vectors it serves. */
  errorCode: boolean;
}

export interface Module {
  funcs: Func[];
  data: Data[];
  /** The function that runs the program's top-level statements. */
  init: string;
  /** Symbols defined outside the module (`@extern`). */
  externs?: string[];
  interruptStubs?: InterruptStub[];
}

// ---- construction helpers ------------------------------------------------

export function newFunc(name: string, ret: Cls | null, exported: boolean, loc?: SourceLoc): Func {
  return { name, params: [], ret, blocks: [], exported, loc, nextTemp: 0, nextBlock: 0 };
}

export function newTemp(f: Func, cls: Cls, hint?: string): Temp {
  return { kind: 'temp', id: f.nextTemp++, cls, hint };
}

export function newBlock(f: Func, label: string): Block {
  const b: Block = { id: f.nextBlock++, label, phis: [], instrs: [], term: { kind: 'unreachable' } };
  f.blocks.push(b);
  return b;
}

export const constant = (value: bigint | number): Const => ({ kind: 'const', value: BigInt(value) });

const F64 = new Float64Array(1);
const F32 = new Float32Array(F64.buffer, 0, 1);
const U64 = new BigUint64Array(F64.buffer);
const U32 = new Uint32Array(F64.buffer, 0, 1);

/** The IEEE-754 bit pattern of x in class c (for s, x is rounded to f32 first). */
export function floatBits(x: number, c: FloatCls): bigint {
  if (c === 'd') {
    F64[0] = x;
    return U64[0];
  }
  F32[0] = x;
  return BigInt(U32[0]);
}

/** The number whose class-c bit pattern is bits (an f32 is widened exactly). */
export function bitsFloat(bits: bigint, c: FloatCls): number {
  if (c === 'd') {
    U64[0] = BigInt.asUintN(64, bits);
    return F64[0];
  }
  U32[0] = Number(BigInt.asUintN(32, bits));
  return F32[0];
}

/** A float constant of class c with value x (rounded to f32 for s). */
export const fconst = (x: number, c: FloatCls): Const => ({ kind: 'const', value: floatBits(x, c), float: c });
/** A float constant from its bit pattern. */
export const fconstBits = (bits: bigint, c: FloatCls): Const =>
  ({ kind: 'const', value: BigInt.asUintN(c === 'd' ? 64 : 32, bits), float: c });
/** The value of a float constant. */
export const constFloat = (k: Const & { float: FloatCls }): number => bitsFloat(k.value, k.float);
export const sym = (name: string): Sym => ({ kind: 'sym', name });

/** The blocks a terminator can jump to, in order, each once (a switch: its cases' targets, then the default). */
export function successors(b: Block): Block[] {
  const t = b.term;
  if (t.kind === 'jmp') return [t.target];
  if (t.kind === 'jnz') return t.ifTrue === t.ifFalse ? [t.ifTrue] : [t.ifTrue, t.ifFalse];
  if (t.kind === 'switch') return [...new Set([...t.cases.map((c) => c.target), t.default])];
  return [];
}

/** Predecessor lists for every block of f (in block order). */
export function predecessors(f: Func): Map<Block, Block[]> {
  const preds = new Map<Block, Block[]>();
  for (const b of f.blocks) preds.set(b, []);
  for (const b of f.blocks) for (const s of successors(b)) preds.get(s)?.push(b);
  return preds;
}

/** Every value an instruction reads, callee included. */
export function instrUses(i: Instr): Value[] {
  return i.callee ? [i.callee, ...i.args] : i.args;
}

/** Every value a terminator reads. */
export function termUses(t: Terminator): Value[] {
  if (t.kind === 'jnz') return [t.cond];
  if (t.kind === 'switch') return [t.value];
  if (t.kind === 'ret' && t.value) return [t.value];
  return [];
}

/** Rewrites every use in f (or in the blocks `only` accepts) through `map` (phis, instructions, terminators). */
export function replaceUses(f: Func, map: (v: Value) => Value, only?: (b: Block) => boolean): void {
  for (const b of f.blocks) {
    if (only && !only(b)) continue;
    for (const p of b.phis) for (const a of p.args) a.value = map(a.value);
    for (const i of b.instrs) {
      i.args = i.args.map(map);
      if (i.callee) i.callee = map(i.callee);
    }
    const t = b.term;
    if (t.kind === 'jnz') t.cond = map(t.cond);
    else if (t.kind === 'switch') t.value = map(t.value);
    else if (t.kind === 'ret' && t.value) t.value = map(t.value);
  }
}

/** The case of switch `t` that value v selects (compared in t's class), or undefined for the default. */
export function switchCase(t: Terminator & { kind: 'switch' }, v: bigint): SwitchCase | undefined {
  const bits = t.cls === 'w' ? 32 : 64;
  const key = BigInt.asUintN(bits, v);
  return t.cases.find((c) => BigInt.asUintN(bits, c.value) === key);
}

/** Redirects every edge of b's terminator that goes to `from` to `to`. */
export function retarget(b: Block, from: Block, to: Block): void {
  const t = b.term;
  if (t.kind === 'jmp' && t.target === from) t.target = to;
  if (t.kind === 'jnz') {
    if (t.ifTrue === from) t.ifTrue = to;
    if (t.ifFalse === from) t.ifFalse = to;
  }
  if (t.kind === 'switch') {
    for (const c of t.cases) if (c.target === from) c.target = to;
    if (t.default === from) t.default = to;
  }
}

/** Blocks in reverse postorder from the entry; unreachable blocks are left out. */
export function reversePostorder(f: Func): Block[] {
  const seen = new Set<Block>();
  const out: Block[] = [];
  const visit = (b: Block): void => {
    // Iterative DFS keeps deep CFGs (long else-if chains) off the JS stack.
    const stack: [Block, number][] = [[b, 0]];
    seen.add(b);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const succ = successors(top[0]);
      if (top[1] < succ.length) {
        const s = succ[top[1]++];
        if (!seen.has(s)) {
          seen.add(s);
          stack.push([s, 0]);
        }
      } else {
        out.push(top[0]);
        stack.pop();
      }
    }
  };
  if (f.blocks.length > 0) visit(f.blocks[0]);
  return out.reverse();
}
