// Natural loops: an edge b → h where h dominates b is a back edge, and h's
// loop is h plus every block that reaches b without passing through h.
// Loops sharing a header are one loop. Inlining asks which blocks are in a
// loop (calls there are hot); loop passes ask for headers and bodies.
import { newTemp, predecessors, retarget, successors } from '../ir/ir.js';
import type { Block, Func, Instr, Temp, Value } from '../ir/ir.js';
import { dominates, dominators } from '../ir/verify.js';

export interface Loop {
  header: Block;
  /** The header and the body. */
  blocks: Set<Block>;
  /** The sources of the back edges. */
  latches: Block[];
}

/** The natural loops of f, one per header, in block order of their headers. */
export function findLoops(f: Func): Loop[] {
  const idom = dominators(f);
  const preds = predecessors(f);
  const loops = new Map<Block, Loop>();
  for (const b of f.blocks) {
    if (!idom.has(b)) continue; // unreachable
    for (const h of successors(b)) {
      if (!dominates(idom, h, b)) continue;
      let loop = loops.get(h);
      if (!loop) loops.set(h, (loop = { header: h, blocks: new Set([h]), latches: [] }));
      loop.latches.push(b);
      const work = [b];
      while (work.length > 0) {
        const x = work.pop()!;
        if (loop.blocks.has(x)) continue;
        loop.blocks.add(x);
        for (const p of preds.get(x)!) if (idom.has(p)) work.push(p);
      }
    }
  }
  return f.blocks.filter((b) => loops.has(b)).map((b) => loops.get(b)!);
}

/** Every block that is in some loop. */
export function blocksInLoops(f: Func): Set<Block> {
  const out = new Set<Block>();
  for (const l of findLoops(f)) for (const b of l.blocks) out.add(b);
  return out;
}

/**
 * A block that runs right before header h is entered from `entry` (its one
 * predecessor outside the loop): entry itself if it jumps only to h, else a
 * new block on that edge. Null if entry ends in neither a jump nor a branch.
 */
export function preheader(f: Func, h: Block, entry: Block): Block | null {
  if (entry.term.kind === 'jmp') return entry;
  if (entry.term.kind !== 'jnz') return null;
  const pre: Block = { id: f.nextBlock++, label: 'preheader', phis: [], instrs: [], term: { kind: 'jmp', target: h } };
  f.blocks.splice(f.blocks.indexOf(h), 0, pre);
  retarget(entry, h, pre);
  for (const p of h.phis) for (const a of p.args) if (a.pred === entry) a.pred = pre;
  return pre;
}

/** A copy of a loop's blocks (loops.ts `cloneLoop`): the copy of each block and of each value defined in the loop. */
export interface LoopCopy {
  block: (b: Block) => Block;
  value: (v: Value) => Value;
}

/**
 * Copies the blocks of `loop` into f, just before its header, with fresh
 * temporaries. Edges between loop blocks go between the copies; edges that
 * leave the loop leave it to the same blocks, and phi arguments from outside
 * the loop (the header's entry) stay. The caller gives the copy an entry and
 * adds what the blocks after the loop need (their phis' arguments).
 */
export function cloneLoop(f: Func, loop: Loop): LoopCopy {
  const blocks = f.blocks.filter((b) => loop.blocks.has(b));
  const bmap = new Map<Block, Block>();
  const vmap = new Map<number, Temp>();
  const fresh = (t: Temp): void => void vmap.set(t.id, newTemp(f, t.cls, t.hint));
  for (const b of blocks) {
    bmap.set(b, { ...b, id: f.nextBlock++, phis: [], instrs: [] });
    b.phis.forEach((p) => fresh(p.dst));
    for (const i of b.instrs) if (i.dst) fresh(i.dst);
  }
  const block = (b: Block): Block => bmap.get(b) ?? b;
  const value = (v: Value): Value => (v.kind === 'temp' ? (vmap.get(v.id) ?? v) : v);
  for (const b of blocks) {
    const c = bmap.get(b)!;
    c.phis = b.phis.map((p) => ({ dst: value(p.dst) as Temp, args: p.args.map((a) => ({ pred: block(a.pred), value: value(a.value) })) }));
    c.instrs = b.instrs.map((i) => {
      const copy: Instr = { ...i, dst: i.dst && (value(i.dst) as Temp), args: i.args.map(value) };
      if (i.callee) copy.callee = value(i.callee);
      return copy;
    });
    const t = b.term;
    if (t.kind === 'jmp') c.term = { kind: 'jmp', target: block(t.target) };
    else if (t.kind === 'jnz') c.term = { kind: 'jnz', cond: value(t.cond), ifTrue: block(t.ifTrue), ifFalse: block(t.ifFalse) };
    else if (t.kind === 'switch') {
      c.term = { ...t, value: value(t.value), cases: t.cases.map((k) => ({ value: k.value, target: block(k.target) })), default: block(t.default) };
    } else c.term = { ...t };
  }
  f.blocks.splice(f.blocks.indexOf(loop.header), 0, ...blocks.map(block));
  return { block, value };
}
