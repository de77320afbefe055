// Redundancy elimination over the dominator tree (a scoped-table GVN): a
// pure instruction that computes what a dominating one already computed
// (same op, class and operands; commutative operands in either order) is
// removed and its uses take the earlier result. Loads are reused too:
//
// - an `invariant` load (a length: never written after it can be read) is
//   available in every block its first copy dominates;
// - any other load is available until something may write the memory it
//   reads (a call, a syscall, an asm that is not nomem/readonly/pure, a
//   machine intrinsic, any volatile access, a store of its alias class or an
//   untagged one: ir/alias.ts), and only along a chain of blocks each
//   entered from the one before alone (an extended basic block: a bounds
//   check's inbounds block continues its check's block), since a block
//   with several predecessors could be reached by a path that writes.
//
// A branch on a condition that a dominating branch has already decided
// (the second bounds check of one index against one length, once the
// first passed) becomes a branch on the known constant, which simplifycfg
// then folds.
//
// Address arithmetic (64-bit adds of a constant, multiplies and shifts by a
// constant) is numbered but left in place: x86/isel-addr.ts folds it into
// each access's memory operand only while it has that one use, so merging
// it would cost a register and an lea. Loads through equal addresses still
// merge, since their keys use the addresses' numbers. Volatile loads, stack slots (each alloc is its own slot), asm
// results and the frame address are never merged.
import { mayAlias } from '../ir/alias.js';
import { constant, replaceUses } from '../ir/ir.js';
import type { Block, Func, Instr, Value } from '../ir/ir.js';
import { opInfo } from '../ir/ops.js';
import { dominators } from '../ir/verify.js';
import { predecessors } from '../ir/ir.js';

const NEVER_MERGED = new Set(['alloc', 'asmout', 'frameaddr', 'copy']);

const isLoad = (i: Instr): boolean => i.op.startsWith('load');

/** Address arithmetic that isel folds into memory operands when it has one use: numbered, never merged. */
export const isAddressArith = (i: Instr): boolean =>
  i.cls === 'l' && (i.op === 'add' || i.op === 'mul' || i.op === 'shl') && i.args.some((a) => a.kind === 'const');

/** Whether i may write memory, so that ordinary loads before it cannot stand for loads after it. */
export function writesMemory(i: Instr): boolean {
  if (i.volatile) return true;
  if (i.op === 'asm') return !i.asm?.options.some((o) => o === 'nomem' || o === 'readonly' || o === 'pure');
  return opInfo(i.op).effect;
}

export function gvn(f: Func): void {
  // Value numbers of temps defined by address arithmetic: one short name per
  // distinct expression key, so keys stay short along chains of adds.
  const numbers = new Map<number, string>();
  const names = new Map<string, string>();
  const valueKey = (v: Value): string => {
    if (v.kind === 'temp') return numbers.get(v.id) ?? `%${v.id}`;
    if (v.kind === 'sym') return `$${v.name}`;
    return `${v.float ?? ''}#${v.value}`;
  };
  /** The key of a mergeable instruction, or null if it must stay as it is. */
  const exprKey = (i: Instr): string | null => {
    if (!i.dst || i.volatile || NEVER_MERGED.has(i.op)) return null;
    const info = opInfo(i.op);
    if (info.effect) return null;
    let args = i.args.map(valueKey);
    if (info.commutes) args = [...args].sort();
    return `${i.op}${i.argCls ?? ''}:${i.cls}(${args.join(',')})`;
  };
  const idom = dominators(f);
  const preds = predecessors(f);
  const children = new Map<Block, Block[]>();
  for (const [b, d] of idom) if (b !== d) children.set(d, [...(children.get(d) ?? []), b]);
  const replaced = new Map<number, Value>();
  const resolve = (v: Value): Value => {
    while (v.kind === 'temp' && replaced.has(v.id)) v = replaced.get(v.id)!;
    return v;
  };

  // Each frame: the block, the pure table, the ordinary loads available at
  // its entry, and the branch conditions known on every path to it.
  const stack: [Block, Map<string, Value>, Map<string, Instr>, Map<number, bigint>][] = [[f.blocks[0], new Map(), new Map(), new Map()]];
  while (stack.length > 0) {
    const [b, pure, loads, known] = stack.pop()!;
    b.instrs = b.instrs.filter((i) => {
      i.args = i.args.map(resolve);
      if (i.callee) i.callee = resolve(i.callee);
      const key = exprKey(i);
      if (key && isAddressArith(i)) {
        if (!names.has(key)) names.set(key, `@${names.size}`);
        numbers.set(i.dst!.id, names.get(key)!);
        return true;
      }
      if (key && isLoad(i) && !i.invariant) {
        const seen = loads.get(key);
        if (seen) return void replaced.set(i.dst!.id, seen.dst!), false;
        loads.set(key, i);
        return true;
      }
      if (key) {
        const seen = pure.get(key);
        if (seen) return void replaced.set(i.dst!.id, seen), false;
        pure.set(key, i.dst!);
        return true;
      }
      if (writesMemory(i)) for (const [k, l] of loads) if (mayAlias(i, l)) loads.delete(k);
      return true;
    });
    const t = b.term;
    if (t.kind === 'jnz') {
      t.cond = resolve(t.cond);
      const k = t.cond.kind === 'temp' ? known.get(t.cond.id) : undefined;
      if (k !== undefined) t.cond = constant(k);
    }
    for (const c of children.get(b) ?? []) {
      const single = preds.get(c)!.length === 1;
      const facts = new Map(known);
      // c is entered only through one arm of b's branch: the condition is decided there.
      if (single && t.kind === 'jnz' && t.cond.kind === 'temp' && t.ifTrue !== t.ifFalse) {
        facts.set(t.cond.id, c === t.ifTrue ? 1n : 0n);
      }
      stack.push([c, new Map(pure), single ? new Map(loads) : new Map(), facts]);
    }
  }
  if (replaced.size > 0) replaceUses(f, resolve);
}
