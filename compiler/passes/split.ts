// Entry splitting: a recursive function whose entry block tests for a cheap
// case and returns at once (the base case: `if (n == 0) return`) while the
// other case recurses is split in two. The function keeps its
// entry and the cheap side; the other side moves to a new function
// `NAME.cold`, called with the values it needs and its result returned.
// Calls make a function save callee-saved registers in its prologue and
// restore them at every return; after the split only `.cold` does, so the
// cheap case runs without that work (gcc gets there by shrink-wrapping).
//
// It applies when: the entry ends in a two-way branch and has no calls,
// allocs, asm or frame reads; the side that moves (S) has the entry as its
// only predecessor and no phis; what S reaches calls the function itself
// outside panic paths (so the base case is as frequent as recursion makes
// it: in a call tree, leaves are at least half the calls; elsewhere the
// cheap case may be the rare one, and the other side would pay a call) and
// keeps at least MIN_SAVED values live across one call; the cheap side
// never reaches S, allocates nothing and keeps no value across a call (a
// call just before its return, as towers' `moveTopDisk`, needs no saved
// register); and what S reads from the entry fits the registers of a call
// (six integers, eight floats). Functions with asm or a frame read anywhere,
// naked ones and those in a named section are left alone (their frame may
// matter to their asm). Blocks both sides reach are copied into `.cold`.
import { instrUses, newBlock, newTemp, predecessors, successors, termUses } from '../ir/ir.js';
import type { Block, Func, Instr, Module, Temp, Terminator, Value } from '../ir/ir.js';
import { isFloatCls } from '../ir/ops.js';
import { prunePhiArgs, removeTrivialPhis } from '../ir/ssa.js';
import { simplifyCfg } from './simplifycfg.js';

/** Argument registers of the SysV call the split makes. */
const INT_ARGS = 6;
const FLOAT_ARGS = 8;

/**
 * The values live across a call the other side must have before the split
 * pays: the call it adds costs about what two saved registers do.
 */
const MIN_SAVED = 3;

/** Blocks reachable from b. */
function region(b: Block): Set<Block> {
  const seen = new Set<Block>([b]);
  const work = [b];
  while (work.length > 0) for (const s of successors(work.pop()!)) if (!seen.has(s)) (seen.add(s), work.push(s));
  return seen;
}

/** Whether a block takes stack memory (a frame slot). */
const allocates = (b: Block): boolean => b.instrs.some((i) => i.op === 'alloc');

/** Whether a block calls f itself (outside a panic path). */
const callsSelf = (f: Func, b: Block): boolean =>
  b.term.kind !== 'unreachable' && b.instrs.some((i) => i.op === 'call' && i.callee?.kind === 'sym' && i.callee.name === f.name);

/** Whether f may be split at all. */
function splittable(f: Func): boolean {
  if (f.naked || f.section || f.blocks.length < 3) return false;
  return f.blocks.every((b) => b.instrs.every((i) => i.op !== 'asm' && i.op !== 'frameaddr'));
}

/**
 * The most temps live across one call in the blocks of r: each needs a
 * callee-saved register (or a stack slot) there, which the prologue saves.
 */
function liveAcrossCalls(r: Set<Block>): number {
  const blocks = [...r];
  const uses = (b: Block, into: Set<number>): void => {
    termUses(b.term).forEach((v) => v.kind === 'temp' && into.add(v.id));
    for (const s of successors(b)) for (const p of s.phis) for (const a of p.args) if (a.pred === b && a.value.kind === 'temp') into.add(a.value.id);
  };
  const liveIn = new Map<Block, Set<number>>(blocks.map((b) => [b, new Set()]));
  // Backward walk of a block from its live-out set; `at` sees the set at each call.
  const walk = (b: Block, at?: (live: Set<number>) => void): Set<number> => {
    const live = new Set<number>();
    for (const s of successors(b)) for (const id of liveIn.get(s) ?? []) live.add(id);
    uses(b, live);
    for (let k = b.instrs.length - 1; k >= 0; k--) {
      const i = b.instrs[k];
      if (i.dst) live.delete(i.dst.id);
      if (i.op === 'call' && at) at(live);
      for (const v of instrUses(i)) if (v.kind === 'temp') live.add(v.id);
    }
    for (const p of b.phis) live.delete(p.dst.id);
    return live;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of [...blocks].reverse()) {
      const now = walk(b);
      if (now.size !== liveIn.get(b)!.size) (liveIn.set(b, now), (changed = true));
    }
  }
  let most = 0;
  for (const b of blocks) if (b.term.kind !== 'unreachable') walk(b, (live) => (most = Math.max(most, live.size)));
  return most;
}

/** The temps the blocks of r read that are defined outside r: f's parameters in their order (so they stay in their registers), then the rest. */
function liveIns(f: Func, r: Set<Block>): Temp[] {
  const defined = new Set<number>();
  for (const b of r) {
    for (const p of b.phis) defined.add(p.dst.id);
    for (const i of b.instrs) if (i.dst) defined.add(i.dst.id);
  }
  const out = new Map<number, Temp>();
  const use = (v: Value): void => {
    if (v.kind === 'temp' && !defined.has(v.id) && !out.has(v.id)) out.set(v.id, v);
  };
  for (const b of r) {
    for (const p of b.phis) for (const a of p.args) if (r.has(a.pred)) use(a.value);
    for (const i of b.instrs) instrUses(i).forEach(use);
    termUses(b.term).forEach(use);
  }
  const params = f.params.filter((p) => out.has(p.id));
  return [...params, ...[...out.values()].filter((v) => !params.some((p) => p.id === v.id))];
}

/** The side of the entry's branch to move out, or null when the function does not qualify. */
function coldSide(f: Func): { cold: Block; reach: Set<Block>; ins: Temp[] } | null {
  const entry = f.blocks[0];
  const t = entry.term;
  if (t.kind !== 'jnz' || t.ifTrue === t.ifFalse) return null;
  if (entry.instrs.some((i) => i.op === 'call' || i.op === 'syscall' || i.op === 'alloc')) return null;
  const preds = predecessors(f);
  if (preds.get(entry)!.length > 0) return null;
  for (const [cold, cheap] of [[t.ifFalse, t.ifTrue], [t.ifTrue, t.ifFalse]]) {
    if (preds.get(cold)!.length !== 1 || cold.phis.length > 0) continue;
    const fast = region(cheap);
    if (fast.has(cold) || [...fast].some(allocates) || liveAcrossCalls(fast) > 0) continue;
    const reach = region(cold);
    if (![...reach].some((b) => callsSelf(f, b)) || liveAcrossCalls(reach) < MIN_SAVED) continue;
    const ins = liveIns(f, reach);
    const floats = ins.filter((v) => isFloatCls(v.cls)).length;
    if (floats > FLOAT_ARGS || ins.length - floats > INT_ARGS) continue;
    return { cold, reach, ins };
  }
  return null;
}

/** Copies the blocks of `reach` (in f's order, `first` first) into g, phi operands from outside dropped. */
function copyBlocks(f: Func, g: Func, first: Block, reach: Set<Block>): void {
  const order = [first, ...f.blocks.filter((b) => b !== first && reach.has(b))];
  const map = new Map<Block, Block>(order.map((b) => [b, { ...b, phis: [], instrs: [] }]));
  const to = (b: Block): Block => map.get(b)!;
  for (const b of order) {
    const c = to(b);
    c.phis = b.phis.map((p) => ({ dst: p.dst, args: p.args.filter((a) => reach.has(a.pred)).map((a) => ({ pred: to(a.pred), value: a.value })) }));
    c.instrs = b.instrs.map((i): Instr => ({ ...i, args: [...i.args] }));
    c.term = copyTerm(b.term, to);
    g.blocks.push(c);
  }
}

function copyTerm(t: Terminator, to: (b: Block) => Block): Terminator {
  switch (t.kind) {
    case 'jmp': return { kind: 'jmp', target: to(t.target) };
    case 'jnz': return { kind: 'jnz', cond: t.cond, ifTrue: to(t.ifTrue), ifFalse: to(t.ifFalse) };
    case 'switch': return { ...t, cases: t.cases.map((c) => ({ value: c.value, target: to(c.target) })), default: to(t.default) };
    default: return { ...t };
  }
}

/** Splits f if it qualifies; returns the new `.cold` function. */
export function splitEntry(f: Func, taken: (name: string) => boolean): Func | null {
  if (!splittable(f)) return null;
  const side = coldSide(f);
  if (!side) return null;
  let name = `${f.name}.cold`;
  for (let k = 2; taken(name); k++) name = `${f.name}.cold${k}`;
  const g: Func = { name, params: side.ins, ret: f.ret, blocks: [], exported: false, loc: f.loc, nextTemp: f.nextTemp, nextBlock: f.nextBlock };
  copyBlocks(f, g, side.cold, side.reach);
  prunePhiArgs(g);
  removeTrivialPhis(g);

  // The entry's branch now goes to a call of g.
  const entry = f.blocks[0];
  const site = newBlock(f, 'cold');
  const loc = side.cold.instrs[0]?.loc ?? side.cold.loc ?? f.loc;
  const dst = f.ret ? newTemp(f, f.ret) : null;
  site.instrs.push({ op: 'call', cls: f.ret ?? 'l', dst, args: [...side.ins], callee: { kind: 'sym', name }, loc });
  site.term = { kind: 'ret', value: dst };
  site.loc = loc;
  const t = entry.term as Terminator & { kind: 'jnz' };
  if (t.ifTrue === side.cold) t.ifTrue = site;
  else t.ifFalse = site;
  simplifyCfg(f);
  return g;
}

export function splitModule(m: Module): void {
  const names = new Set(m.funcs.map((f) => f.name));
  const out: Func[] = [];
  for (const f of m.funcs) {
    out.push(f);
    const g = splitEntry(f, (n) => names.has(n));
    if (g) {
      names.add(g.name);
      out.push(g);
    }
  }
  m.funcs = out;
}
