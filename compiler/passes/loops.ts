// Natural loops: an edge b → h where h dominates b is a back edge, and h's
// loop is h plus every block that reaches b without passing through h.
// Loops sharing a header are one loop. Inlining asks which blocks are in a
// loop (calls there are hot); loop passes ask for headers and bodies.
import { predecessors, retarget, successors } from '../ir/ir.js';
import type { Block, Func } from '../ir/ir.js';
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
