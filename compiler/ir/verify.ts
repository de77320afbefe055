// The IR verifier: run after lowering and (with --verify-ir, and always in
// tests) after every pass. It checks that the function is in SSA form, that
// every use is dominated by its definition, that operand classes match the op
// table, that phis have exactly one operand per predecessor, and that a
// switch is on a w or l value with distinct case values that fit its class.
import { CAST_FROM, INT_CLASSES, isFloatCls, opClasses, opInfo } from './ops.js';
import { predecessors, reversePostorder, successors, termUses } from './ir.js';
import type { Block, Cls, Func, Instr, Module, Terminator, Value } from './ir.js';
import { printInstr, printValue } from './print.js';
import { verifyAsm } from './asm.js';

export class IrVerifyError extends Error {}

/**
 * Immediate dominators by the Cooper–Harvey–Kennedy iterative algorithm,
 * over the blocks' reverse-postorder numbers (arrays, not maps: the passes
 * ask for dominators of every function, several times).
 */
export function dominators(f: Func): Map<Block, Block> {
  const rpo = reversePostorder(f);
  const idom = new Map<Block, Block>();
  if (rpo.length === 0) return idom;
  const order = new Map(rpo.map((b, i) => [b, i]));
  // Each block's predecessors by number (unreachable ones left out: they never get a dominator).
  const preds: number[][] = rpo.map(() => []);
  for (const b of rpo) for (const s of successors(b)) preds[order.get(s)!]?.push(order.get(b)!);
  const dom = new Int32Array(rpo.length).fill(-1);
  dom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (a > b) a = dom[a];
      while (b > a) b = dom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let b = 1; b < rpo.length; b++) {
      let d = -1;
      for (const p of preds[b]) {
        if (dom[p] < 0) continue;
        d = d < 0 ? p : intersect(p, d);
      }
      if (d >= 0 && dom[b] !== d) {
        dom[b] = d;
        changed = true;
      }
    }
  }
  rpo.forEach((b, i) => dom[i] >= 0 && idom.set(b, rpo[dom[i]]));
  return idom;
}

/**
 * Dominance in O(1): each block's entry and exit times in a depth-first walk
 * of the dominator tree; a dominates b when b's interval lies inside a's.
 */
function dominanceIntervals(idom: Map<Block, Block>): (a: Block, b: Block) => boolean {
  const kids = new Map<Block, Block[]>();
  let root: Block | undefined;
  for (const [b, d] of idom) {
    if (b === d) root = b;
    else {
      const k = kids.get(d);
      if (k) k.push(b);
      else kids.set(d, [b]);
    }
  }
  const enter = new Map<Block, number>();
  const exit = new Map<Block, number>();
  let clock = 0;
  const stack: { b: Block; next: number }[] = root ? [{ b: root, next: 0 }] : [];
  if (root) enter.set(root, clock++);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const k = kids.get(top.b);
    if (k && top.next < k.length) {
      const c = k[top.next++];
      enter.set(c, clock++);
      stack.push({ b: c, next: 0 });
    } else {
      exit.set(top.b, clock++);
      stack.pop();
    }
  }
  return (a, b) => {
    const ea = enter.get(a), eb = enter.get(b);
    return ea !== undefined && eb !== undefined && ea <= eb && exit.get(b)! <= exit.get(a)!;
  };
}

/** Whether a dominates b under the immediate dominators `idom`. */
export function dominates(idom: Map<Block, Block>, a: Block, b: Block): boolean {
  for (let x: Block | undefined = b; x; ) {
    if (x === a) return true;
    const up = idom.get(x);
    if (up === x) return false;
    x = up;
  }
  return false;
}

export function verifyFunc(f: Func): string[] {
  const errors: string[] = [];
  const err = (where: string, msg: string): void => {
    errors.push(`$${f.name} ${where}: ${msg}`);
  };
  if (f.blocks.length === 0) return [`$${f.name}: no blocks`];

  // Definitions: where each temp is defined (block, index; -1 = phi, -2 = param).
  const defs = new Map<number, { block: Block; index: number; cls: Cls }>();
  const define = (id: number, cls: Cls, block: Block, index: number, where: string): void => {
    if (defs.has(id)) err(where, `%.${id} is defined twice`);
    defs.set(id, { block, index, cls });
  };
  for (const p of f.params) define(p.id, p.cls, f.blocks[0], -2, 'params');
  const inFunc = new Set(f.blocks);
  for (const b of f.blocks) {
    for (const p of b.phis) define(p.dst.id, p.dst.cls, b, -1, `@${b.label}`);
    b.instrs.forEach((i, n) => {
      if (i.dst) define(i.dst.id, i.dst.cls, b, n, `@${b.label}`);
    });
    for (const s of successors(b)) if (!inFunc.has(s)) err(`@${b.label}`, `jumps to a block outside the function`);
  }

  const idom = dominators(f);
  const dom = dominanceIntervals(idom);
  const preds = predecessors(f);
  // `where` names the use in a message; it is a function so that a valid use prints nothing.
  type Where = string | (() => string);
  const at = (w: Where): string => (typeof w === 'string' ? w : w());
  const checkUse = (v: Value, cls: Cls | null, b: Block, index: number, w: Where): void => {
    const where = (): string => at(w);
    if (v.kind === 'sym') {
      if (cls && cls !== 'l') err(where(), `symbol $${v.name} used as a ${cls} value`);
      return;
    }
    if (v.kind === 'const') {
      if (v.float && cls && v.float !== cls) err(where(), `float constant ${printValue(v)} used as a ${cls} value`);
      if (!v.float && isFloatCls(cls)) err(where(), `integer constant ${v.value} used as a ${cls} value (write ${cls}_${v.value})`);
      if (v.float && v.value >> (v.float === 'd' ? 64n : 32n) !== 0n) err(where(), `float constant bits ${v.value} do not fit ${v.float}`);
      return;
    }
    const d = defs.get(v.id);
    if (!d) return err(where(), `%.${v.id} is used but never defined`);
    if (d.cls !== v.cls) err(where(), `%.${v.id} has class ${v.cls} at a use but ${d.cls} at its definition`);
    if (cls && d.cls !== cls) err(where(), `operand %.${v.id} is ${d.cls}, expected ${cls}`);
    if (!idom.has(b)) return;
    const ok = d.block === b ? d.index < index : dom(d.block, b);
    if (!ok) err(where(), `%.${v.id} is used where its definition does not dominate`);
  };

  for (const b of f.blocks) {
    const ps = preds.get(b)!;
    for (const p of b.phis) {
      const where = (): string => `@${b.label} phi %.${p.dst.id}`;
      if (p.args.length !== ps.length || !ps.every((q) => p.args.some((a) => a.pred === q))) {
        err(where(), `has ${p.args.length} operands for ${ps.length} predecessors`);
      }
      // A phi operand is used at the end of its predecessor.
      for (const a of p.args) checkUse(a.value, p.dst.cls, a.pred, a.pred.instrs.length, where);
    }
    b.instrs.forEach((i, n) => {
      const where = (): string => `@${b.label}: ${printInstr(i)}`;
      checkInstrShape(i, (m) => err(where(), m));
      const info = opInfo(i.op);
      if (i.callee) checkUse(i.callee, 'l', b, n, where);
      i.args.forEach((a, k) => {
        const want = info.args[k];
        let cls = want === 'same' ? i.cls : want === 'any' ? (i.argCls ?? null) : (want ?? null);
        if (i.op === 'cast') cls = CAST_FROM[i.cls];
        checkUse(a, cls, b, n, where);
        // Untyped operands (extensions, syscall arguments) must be integers.
        if (cls === null && !UNTYPED_OK.has(i.op) && isFloatCls(valueCls(a))) err(where(), `operand ${k + 1} must be an integer (w or l)`);
      });
    });
    verifyAsm(b, (i, m) => err(`@${b.label}: ${printInstr(i)}`, m));
    const t = b.term;
    if (t.kind === 'switch') checkSwitch(t, (m) => err(`@${b.label} switch`, m));
    for (const v of termUses(t)) {
      const cls = t.kind === 'ret' ? f.ret : t.kind === 'switch' ? t.cls : 'w';
      checkUse(v, cls, b, b.instrs.length, `@${b.label} terminator`);
    }
    if (t.kind === 'ret' && (t.value === null) !== (f.ret === null)) {
      err(`@${b.label}`, f.ret ? 'ret without a value in a function that returns one' : 'ret with a value in a void function');
    }
  }
  return errors;
}

/** A switch's class is w or l; its case values fit the class (signed or unsigned) and differ in it. */
function checkSwitch(t: Terminator & { kind: 'switch' }, err: (m: string) => void): void {
  if (t.cls !== 'w' && t.cls !== 'l') return err(`a switch is on a w or l value, not ${String(t.cls)}`);
  const bits = t.cls === 'w' ? 32n : 64n;
  const seen = new Map<bigint, bigint>();
  for (const c of t.cases) {
    if (c.value < -(1n << (bits - 1n)) || c.value >= 1n << bits) err(`case value ${c.value} does not fit class ${t.cls}`);
    const key = BigInt.asUintN(Number(bits), c.value);
    const prev = seen.get(key);
    if (prev !== undefined) err(`case value ${c.value} is a duplicate of ${prev}`);
    else seen.set(key, c.value);
  }
}

/** Ops whose untyped operands may be floats (call and asm arguments, the asm result asmout reads). */
const UNTYPED_OK = new Set(['call', 'asm', 'asmout']);

/** The class a value has by itself (temps, float constants, symbols), or null for integer constants. */
function valueCls(v: Value): Cls | null {
  if (v.kind === 'temp') return v.cls;
  if (v.kind === 'sym') return 'l';
  return v.float ?? null;
}

function checkInstrShape(i: Instr, err: (m: string) => void): void {
  const info = opInfo(i.op);
  if (!opClasses(info).includes(i.cls)) err(`${i.op} cannot have class ${i.cls}`);
  if (info.compare && i.argCls && !(info.argClasses ?? INT_CLASSES).includes(i.argCls)) {
    err(`${i.op} cannot compare class ${i.argCls}`);
  }
  if (!info.compare && i.argCls) err(`only comparisons carry an operand class`);
  if (info.result && !i.dst && i.op !== 'call' && i.op !== 'asm') err('the result temporary is missing');
  if (!info.result && i.dst) err('this op has no result');
  if (i.dst && i.dst.cls !== i.cls) err(`result is ${i.dst.cls} but the instruction is ${i.cls}`);
  if (info.compare && !i.argCls) err('a comparison needs its operand class');
  if (i.op === 'call' && !i.callee) err('a call needs a callee');
  const variadic = i.op === 'call' || i.op === 'syscall' || i.op === 'asm';
  if (!variadic && i.args.length !== info.args.length) {
    err(`expects ${info.args.length} operands, has ${i.args.length}`);
  }
  if (i.op === 'syscall' && (i.args.length < 1 || i.args.length > 7)) err('syscall takes a number and up to six arguments');
  if (i.op === 'alloc' && i.args.some((a) => a.kind !== 'const')) err('alloc takes constant size and alignment');
  if (i.alias !== undefined && !/^(load|store)/.test(i.op)) err('only loads and stores carry an alias class');
  if (i.alias !== undefined && !/^\S+$/.test(i.alias)) err(`malformed alias class '${i.alias}'`);
}

export function verifyModule(m: Module): string[] {
  return m.funcs.flatMap(verifyFunc);
}

/** Throws IrVerifyError listing every problem, naming the pass that ran last. */
export function assertValid(m: Module, after: string): void {
  const errors = verifyModule(m);
  if (errors.length > 0) {
    throw new IrVerifyError(`IR verification failed after ${after}:\n  ${errors.join('\n  ')}`);
  }
}
