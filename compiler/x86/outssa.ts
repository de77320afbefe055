// Leaves SSA form before instruction selection. Critical edges into blocks
// with phis are split (from jnz and switch blocks alike; all the cases of a
// switch that go to one block share its edge block), then every phi becomes
// copies through a fresh temp t: `t = copy arg` at the end of each predecessor and `dst = copy t` at the
// block head. Because each phi has its own t, the lost-copy and swap problems
// cannot occur; coalesce.ts and the register allocator's move hints remove most copies.
// leaveSsa works on a copy and leaves the caller's function untouched;
// in the result temps may have several definitions (the t's).
import { newBlock, newTemp, predecessors, retarget, successors } from '../ir/ir.js';
import type { Block, Func, Instr } from '../ir/ir.js';

/** Splits every edge p→s where p has several successors and s has phis and several predecessors. */
export function splitCriticalEdges(f: Func): void {
  const preds = predecessors(f);
  for (const p of [...f.blocks]) {
    const succ = successors(p);
    if (succ.length < 2) continue;
    for (const s of succ) {
      if (s.phis.length === 0 || preds.get(s)!.length < 2) continue;
      const mid = newBlock(f, `${p.label}_${s.label}`);
      // Lay the new block out right after its predecessor.
      f.blocks.pop();
      f.blocks.splice(f.blocks.indexOf(p) + 1, 0, mid);
      mid.term = { kind: 'jmp', target: s };
      mid.loc = s.loc;
      retarget(p, s, mid);
      for (const phi of s.phis) for (const a of phi.args) if (a.pred === p) a.pred = mid;
    }
  }
}

/** Replaces every phi with copies (see the file header). */
export function destroyPhis(f: Func): void {
  for (const b of f.blocks) {
    const head: Instr[] = [];
    for (const phi of b.phis) {
      const t = newTemp(f, phi.dst.cls, phi.dst.hint);
      for (const a of phi.args) {
        a.pred.instrs.push({ op: 'copy', cls: t.cls, dst: t, args: [a.value] });
      }
      head.push({ op: 'copy', cls: t.cls, dst: phi.dst, args: [t], loc: b.loc });
    }
    b.phis = [];
    b.instrs.unshift(...head);
  }
}

/** A copy of f whose blocks, phis, instruction lists and terminators can be changed freely. */
export function cloneFunc(f: Func): Func {
  const map = new Map<Block, Block>();
  for (const b of f.blocks) map.set(b, { ...b, phis: [], instrs: [] });
  const B = (b: Block): Block => map.get(b) ?? b;
  for (const b of f.blocks) {
    const nb = map.get(b)!;
    nb.phis = b.phis.map((p) => ({ dst: p.dst, args: p.args.map((a) => ({ pred: B(a.pred), value: a.value })) }));
    nb.instrs = b.instrs.map((i) => ({ ...i, args: [...i.args] }));
    const t = b.term;
    nb.term = t.kind === 'jmp' ? { kind: 'jmp', target: B(t.target) }
      : t.kind === 'jnz' ? { ...t, ifTrue: B(t.ifTrue), ifFalse: B(t.ifFalse) }
      : t.kind === 'switch' ? { ...t, cases: t.cases.map((c) => ({ value: c.value, target: B(c.target) })), default: B(t.default) }
      : { ...t };
  }
  return { ...f, params: [...f.params], blocks: f.blocks.map(B) };
}

/** Returns a phi-free copy of f. */
export function leaveSsa(f: Func): Func {
  const g = cloneFunc(f);
  splitCriticalEdges(g);
  destroyPhis(g);
  return g;
}

