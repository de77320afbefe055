// Inlining: a direct call of a small function becomes a copy of its body.
// Functions are visited callees first (a post-order of the call graph), so
// a callee is copied with its own small callees already inlined; a call
// inside a cycle of the call graph (recursion) is left alone. The call's
// block is split at the call: its head jumps to the copied entry, every
// `ret` of the copy jumps to the tail, and the call's result becomes the
// returned value (a phi in the tail when there are several returns).
//
// A callee is inlined when its size (instructions plus blocks) is within
// BUDGET (larger in loops and for leaves; calls of printers stay calls), it
// is not naked or `@noinline`, has no named section, does not read its
// frame address, its entry has no predecessors, and none of its asm
// templates defines a label (two copies would define it twice); calls in
// panic paths (blocks ending in `unreachable`) stay calls. A caller grows
// to at most twice its size (or by GROWTH_FLOOR), so inlining cannot
// cascade through a library of small functions.
import { constant, fconst, predecessors, replaceUses } from '../ir/ir.js';
import type { Block, Func, InlineSite, Instr, Module, Phi, SourceLoc, Temp, Terminator, Value } from '../ir/ir.js';
import { isFloatCls } from '../ir/ops.js';
import { blocksInLoops } from './loops.js';

/**
 * The size up to which a callee is inlined: by whether the call is in a
 * loop of the caller (hot), and whether the callee is a leaf (calls
 * nothing outside its panic paths, so the copy is all the work there is).
 */
export const BUDGET = { loop: { leaf: 60, other: 15 }, straight: { leaf: 30, other: 10 } };
/** A caller grows to at most twice its size, or by GROWTH_FLOOR if that is more, and never past CALLER_LIMIT. */
export const GROWTH_FLOOR = 100;
export const CALLER_LIMIT = 4000;

/** Whether f calls nothing, panic paths apart. */
function isLeaf(f: Func): boolean {
  return f.blocks.every((b) => b.term.kind === 'unreachable' || b.instrs.every((i) => i.op !== 'call'));
}

/** Instructions plus blocks, a panic path (a block ending in `unreachable`) counting 1: the measure both limits use. */
export function funcSize(f: Func): number {
  return f.blocks.reduce((n, b) => n + (b.term.kind === 'unreachable' ? 1 : b.instrs.length + 1), 0);
}

/** Why g may not be copied into another function, or null if it may. */
function notInlinable(g: Func): string | null {
  if (g.naked) return 'naked';
  if (g.noinline) return '@noinline';
  if (g.section) return 'in a named section';
  if (g.blocks.length === 0) return 'empty';
  if (predecessors(g).get(g.blocks[0])!.length > 0) return 'its entry is a jump target';
  for (const b of g.blocks) {
    for (const i of b.instrs) {
      if (i.op === 'frameaddr') return 'reads its frame address';
      if (i.op === 'asm' && /^\s*[.\w$@?]+:/m.test(i.asm?.template ?? '')) return 'an asm template defines a label';
    }
  }
  return null;
}

const calleeName = (i: Instr): string | undefined =>
  i.op === 'call' && i.callee?.kind === 'sym' ? i.callee.name : undefined;

export function inlineModule(m: Module): void {
  const byName = new Map(m.funcs.map((f) => [f.name, f]));
  const callees = (f: Func): Func[] =>
    f.blocks.flatMap((b) => b.instrs.map((i) => byName.get(calleeName(i) ?? '')).filter((g): g is Func => g !== undefined));
  const refused = new Map<Func, boolean>();
  const leaves = new Map<Func, boolean>();
  const done = new Set<Func>();
  const inlinable = (g: Func): boolean => {
    if (!refused.has(g)) refused.set(g, notInlinable(g) !== null);
    return done.has(g) && !refused.get(g);
  };
  const budget = (g: Func, hot: boolean): number => {
    if (!leaves.has(g)) leaves.set(g, isLeaf(g));
    const b = hot ? BUDGET.loop : BUDGET.straight;
    return leaves.get(g) ? b.leaf : b.other;
  };
  for (const scc of callGraphSccs(m.funcs, callees)) {
    // A function that can reach itself is never copied: its calls would unfold without end.
    if (scc.length > 1 || callees(scc[0]).includes(scc[0])) for (const f of scc) refused.set(f, true);
    for (const f of scc) inlineCalls(f);
    for (const f of scc) done.add(f);
  }

  function inlineCalls(f: Func): void {
    const results = new Map<number, Value>();
    let size = funcSize(f);
    const limit = Math.min(CALLER_LIMIT, Math.max(2 * size, size + GROWTH_FLOOR));
    const hot = blocksInLoops(f);
    // Blocks are visited as the list grows, so calls in copied bodies (of
    // callees whose own calls were not inlined) are considered too, each
    // against the budget; none of them can lead back to f, since only
    // finished functions outside any cycle are copied.
    for (let n = 0; n < f.blocks.length; n++) {
      const b = f.blocks[n];
      if (b.term.kind === 'unreachable') continue;
      for (let k = 0; k < b.instrs.length; k++) {
        const g = byName.get(calleeName(b.instrs[k]) ?? '');
        if (!g || !inlinable(g)) continue;
        const gs = funcSize(g);
        if (gs > budget(g, hot.has(b)) || size + gs > limit) continue;
        const copies = inlineAt(f, n, k, g, results);
        if (hot.has(b)) for (const c of copies) hot.add(c);
        size += gs;
        break; // the rest of b is now the tail block, visited next
      }
    }
    if (results.size === 0) return;
    const resolve = (v: Value): Value => {
      while (v.kind === 'temp' && results.has(v.id)) v = results.get(v.id)!;
      return v;
    };
    replaceUses(f, resolve);
  }
}

/**
 * Replaces the call at f.blocks[n].instrs[k] with a copy of g. The call's
 * result is recorded in `results` (its temp → the returned value), to be
 * substituted once the whole function is done.
 */
function inlineAt(f: Func, n: number, k: number, g: Func, results: Map<number, Value>): Block[] {
  const b = f.blocks[n];
  const call = b.instrs[k];
  const tail: Block = { id: f.nextBlock++, label: b.label, phis: [], instrs: b.instrs.slice(k + 1), term: b.term, loc: b.loc };
  b.instrs = b.instrs.slice(0, k);
  for (const s of succs(tail.term)) for (const p of s.phis) for (const a of p.args) if (a.pred === b) a.pred = tail;

  const temps = new Map<number, Value>();
  g.params.forEach((p, i) => temps.set(p.id, call.args[i]));
  const temp = (t: Temp): Temp => {
    let v = temps.get(t.id);
    if (!v) temps.set(t.id, (v = { kind: 'temp', id: f.nextTemp++, cls: t.cls, hint: t.hint }));
    return v as Temp;
  };
  const val = (v: Value): Value => (v.kind === 'temp' ? (temps.get(v.id) ?? temp(v)) : v);
  const blocks = new Map<Block, Block>();
  for (const gb of g.blocks) blocks.set(gb, { id: f.nextBlock++, label: gb.label, phis: [], instrs: [], term: { kind: 'unreachable' }, loc: gb.loc });
  const blk = (x: Block): Block => blocks.get(x)!;

  // Copied code remembers it came from g and where the call was (the debug table's inlined frames).
  const site: InlineSite = { callee: g.name, call: call.loc ?? b.loc ?? { file: '', line: 0, col: 0 } };
  const sited = new Map<SourceLoc, SourceLoc>();
  const at = (loc: SourceLoc | undefined): SourceLoc | undefined => {
    if (!loc) return undefined;
    let l = sited.get(loc);
    if (!l) sited.set(loc, (l = withSite(loc, site)));
    return l;
  };
  for (const gb of g.blocks) blk(gb).loc = at(gb.loc);

  const rets: { pred: Block; value: Value | null }[] = [];
  for (const gb of g.blocks) {
    const nb = blk(gb);
    nb.phis = gb.phis.map((p): Phi => ({ dst: temp(p.dst), args: p.args.map((a) => ({ pred: blk(a.pred), value: val(a.value) })) }));
    nb.instrs = gb.instrs.map((i): Instr => {
      const c: Instr = { ...i, dst: i.dst ? temp(i.dst) : null, args: i.args.map(val) };
      if (i.callee) c.callee = val(i.callee);
      if (i.loc) c.loc = at(i.loc);
      return c;
    });
    nb.term = copyTerm(gb.term, blk, val);
    if (nb.term.kind === 'ret') {
      rets.push({ pred: nb, value: nb.term.value });
      nb.term = { kind: 'jmp', target: tail };
    }
  }
  b.term = { kind: 'jmp', target: blk(g.blocks[0]) };
  const copies = [...g.blocks.map(blk), tail];
  f.blocks.splice(n + 1, 0, ...copies);
  if (call.dst) {
    const v = returned(call.dst, tail, rets);
    if (v !== call.dst) results.set(call.dst.id, v);
  }
  return copies;
}

/** `loc` of code copied into a caller at `site`: its chain of inlined calls gets `site` at the outer end. */
function withSite(loc: SourceLoc, site: InlineSite): SourceLoc {
  if (!loc.inlined) return { ...loc, inlined: site };
  return { ...loc, inlined: { callee: loc.inlined.callee, call: withSite(loc.inlined.call, site) } };
}

/** The value a copied callee returns into `dst`: the single ret's, a phi of several, or 0 when it never returns. */
function returned(dst: Temp, tail: Block, rets: { pred: Block; value: Value | null }[]): Value {
  if (rets.length === 1) return rets[0].value!;
  if (rets.length === 0) return isFloatCls(dst.cls) ? fconst(0, dst.cls) : constant(0); // the tail is unreachable
  // The call's own temp becomes the phi: it is defined nowhere else now.
  tail.phis.push({ dst, args: rets.map((r) => ({ pred: r.pred, value: r.value! })) });
  return dst;
}

/** The strongly connected components of the call graph (Tarjan), callees before callers. */
function callGraphSccs(funcs: Func[], callees: (f: Func) => Func[]): Func[][] {
  const index = new Map<Func, number>();
  const low = new Map<Func, number>();
  const onStack = new Set<Func>();
  const stack: Func[] = [];
  const out: Func[][] = [];
  const edges = new Map(funcs.map((f) => [f, [...new Set(callees(f))]]));
  for (const root of funcs) {
    if (index.has(root)) continue;
    // Iterative Tarjan: frames of (function, next edge).
    const frames: [Func, number][] = [[root, 0]];
    const enter = (f: Func): void => {
      index.set(f, index.size);
      low.set(f, index.get(f)!);
      stack.push(f);
      onStack.add(f);
    };
    enter(root);
    while (frames.length > 0) {
      const top = frames[frames.length - 1];
      const [f] = top;
      const es = edges.get(f)!;
      if (top[1] < es.length) {
        const g = es[top[1]++];
        if (!index.has(g)) {
          enter(g);
          frames.push([g, 0]);
        } else if (onStack.has(g)) low.set(f, Math.min(low.get(f)!, index.get(g)!));
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(f)!));
      }
      if (low.get(f) === index.get(f)) {
        const scc: Func[] = [];
        for (let g = stack.pop()!; ; g = stack.pop()!) {
          onStack.delete(g);
          scc.push(g);
          if (g === f) break;
        }
        out.push(scc);
      }
    }
  }
  return out;
}

function succs(t: Terminator): Block[] {
  if (t.kind === 'jmp') return [t.target];
  if (t.kind === 'jnz') return [t.ifTrue, t.ifFalse];
  if (t.kind === 'switch') return [...t.cases.map((c) => c.target), t.default];
  return [];
}

function copyTerm(t: Terminator, blk: (b: Block) => Block, val: (v: Value) => Value): Terminator {
  switch (t.kind) {
    case 'jmp':
      return { kind: 'jmp', target: blk(t.target) };
    case 'jnz':
      return { kind: 'jnz', cond: val(t.cond), ifTrue: blk(t.ifTrue), ifFalse: blk(t.ifFalse) };
    case 'switch':
      return { kind: 'switch', cls: t.cls, value: val(t.value), cases: t.cases.map((c) => ({ value: c.value, target: blk(c.target) })), default: blk(t.default) };
    case 'ret':
      return { kind: 'ret', value: t.value ? val(t.value) : null };
    case 'unreachable':
      return { kind: 'unreachable' };
  }
}
