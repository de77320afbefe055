// Loop-invariant code motion: an instruction in a loop whose operands are
// all defined outside it computes the same value on every iteration, so it
// moves to the loop's preheader (a block made for it: entered once, right
// before the loop, and only when the loop runs, since rotate.ts puts the
// test at the bottom). Inner loops go first, so code climbs out of a nest
// one level per loop.
//
// What may move:
// - pure instructions (no effect, not volatile; not allocs, asm results or
//   the frame address);
// - loads that no store in the loop can change: `invariant` loads (lengths)
//   always; other loads when nothing in the loop may write memory
//   (gvn.ts's `writesMemory`), or when every write in the loop is to a
//   different alias class (ir/alias.ts: a store of a field of one class
//   cannot change a load of another class's field or of an array element).
// Comparisons stay (isel fuses one with its branch; hoisted, it would be a
// setcc and a register), and in a loop that calls, only loads move: a
// value live across a call takes a callee-saved register, which costs more
// than recomputing an add or a shift (there is no rematerialisation yet).
// Address arithmetic moves only with the accesses that use it: left beside
// one, isel folds it into the memory operand, hoisted alone it would take a
// register for the whole loop (and, across calls, a callee-saved one or a
// spill slot).
// An instruction that can trap (a load, a division) runs in the preheader
// only if its block runs on every iteration: it dominates every latch and
// every block that leaves the loop (a panic path included). A load straight
// from a symbol (a global) cannot trap and moves from anywhere.
import { instrUses, predecessors, successors, termUses } from '../ir/ir.js';
import type { Block, Func, Instr } from '../ir/ir.js';
import { opInfo } from '../ir/ops.js';
import { dominates, dominators } from '../ir/verify.js';
import { mayAlias } from '../ir/alias.js';
import { isAddressArith, writesMemory } from './gvn.js';
import { findLoops, preheader, type Loop } from './loops.js';

const NEVER_MOVED = new Set(['alloc', 'asmout', 'frameaddr']);
const isLoad = (i: Instr): boolean => i.op.startsWith('load');

export function licm(f: Func): void {
  const loops = findLoops(f).sort((a, b) => a.blocks.size - b.blocks.size);
  for (const loop of loops) {
    const entries = predecessors(f).get(loop.header)!.filter((p) => !loop.blocks.has(p));
    const pre = entries.length === 1 ? preheader(f, loop.header, entries[0]) : null;
    if (!pre) continue;
    // A new preheader belongs to the loops around this one.
    for (const outer of loops) if (outer !== loop && outer.blocks.has(loop.header)) outer.blocks.add(pre);
    hoist(f, loop, pre);
  }
}

function hoist(f: Func, loop: Loop, pre: Block): void {
  const idom = dominators(f);
  const writes = [...loop.blocks].flatMap((b) => b.instrs.filter(writesMemory));
  // Blocks that run on every iteration: they dominate every latch and every way out.
  const exits = [...loop.blocks].filter((b) => successors(b).some((s) => !loop.blocks.has(s)));
  const always = (b: Block): boolean => [...loop.latches, ...exits].every((x) => dominates(idom, b, x));
  const inside = new Set<number>();
  /** The loop's instructions by the temp they define. */
  const defs = new Map<number, Instr>();
  for (const b of loop.blocks) {
    for (const p of b.phis) inside.add(p.dst.id);
    for (const i of b.instrs) {
      if (!i.dst) continue;
      inside.add(i.dst.id);
      defs.set(i.dst.id, i);
    }
  }
  const invariantArgs = (i: Instr): boolean => i.args.every((a) => a.kind !== 'temp' || !inside.has(a.id));
  const calls = writes.some((w) => w.op === 'call');
  const movable = (i: Instr, b: Block): boolean => {
    if (!i.dst || i.volatile || i.asm || NEVER_MOVED.has(i.op) || opInfo(i.op).effect || !invariantArgs(i)) return false;
    if (opInfo(i.op).compare || (calls && !isLoad(i) && !isAddressArith(i))) return false;
    if (isLoad(i)) {
      if (!i.invariant && !writes.every((w) => !mayAlias(w, i))) return false;
      return i.args[0].kind === 'sym' || always(b);
    }
    return !opInfo(i.op).traps || always(b);
  };
  // What may move, in an order where each instruction follows what it reads.
  const blocks = f.blocks.filter((b) => loop.blocks.has(b));
  const order: Instr[] = [];
  const chosen = new Set<Instr>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of blocks) {
      for (const i of b.instrs) {
        if (chosen.has(i) || !movable(i, b)) continue;
        chosen.add(i);
        order.push(i);
        inside.delete(i.dst!.id);
        changed = true;
      }
    }
  }
  // Address arithmetic stays beside an access that stays (isel folds it into
  // the memory operand); what reads it then stays too.
  for (let changed = true; changed; ) {
    changed = false;
    const staying = new Set<number>();
    for (const b of blocks) {
      for (const p of b.phis) for (const a of p.args) if (a.value.kind === 'temp') staying.add(a.value.id);
      for (const i of b.instrs) if (!chosen.has(i)) for (const a of instrUses(i)) if (a.kind === 'temp') staying.add(a.id);
      for (const a of termUses(b.term)) if (a.kind === 'temp') staying.add(a.id);
    }
    for (const i of order) {
      const readsStaying = i.args.some((a) => a.kind === 'temp' && defs.has(a.id) && !chosen.has(defs.get(a.id)!));
      const keep = (isAddressArith(i) && staying.has(i.dst!.id)) || readsStaying;
      if (chosen.has(i) && keep) {
        chosen.delete(i);
        changed = true;
      }
    }
  }
  for (const b of blocks) b.instrs = b.instrs.filter((i) => !chosen.has(i));
  pre.instrs.push(...order.filter((i) => chosen.has(i)));
}
