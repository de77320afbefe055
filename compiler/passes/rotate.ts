// Loop rotation: a loop that tests at the top (header H: phis, a few pure
// instructions, `jnz c, @B, @X` with B in the loop and X the one exit) is
// turned into a guard and a loop that tests at the bottom:
//
//   P:  jmp @H            P:  <H's instructions, phis → entry values>; jnz c0, @H, @X
//   H:  φ…; c = …;        H:  φ…; v = phi @P v0, @L v1   (for each of H's instructions)
//       jnz c, @B, @X         jmp @B
//   L:  jmp @H            L:  <H's instructions, phis → back-edge values>; jnz c1, @H, @X
//
// Each iteration then runs one conditional branch instead of a jump back
// and a test, and the body is entered only when it will run, so that
// loop-invariant code motion (licm.ts) may move code into the guard's side.
// X, entered now from P and L, gets phis for the values of H that the code
// after the loop reads. Only loops whose header is the only exit (panic
// paths aside), with one
// latch ending in a jump and one entry edge, are rotated (an entry that
// branches gets a block of its own on that edge for the guard); H's
// instructions must be pure, non-trapping and not loads (they are copied).
import { newTemp, predecessors, replaceUses, successors } from '../ir/ir.js';
import type { Block, Func, Instr, Phi, Temp, Value } from '../ir/ir.js';
import { opInfo } from '../ir/ops.js';
import { findLoops, preheader, type Loop } from './loops.js';

/** At most this many instructions in a header are copied twice. */
const MAX_HEADER = 6;

/** Whether a header instruction may be copied to the guard and the latch. */
const copyable = (i: Instr): boolean =>
  !!i.dst && !i.volatile && !opInfo(i.op).effect && !opInfo(i.op).traps && !i.op.startsWith('load') && i.op !== 'alloc' &&
  i.op !== 'asmout' && i.op !== 'frameaddr' && !i.asm;

export function rotateLoops(f: Func): void {
  // Rotating one loop changes the CFG the others were found in: find them again.
  for (let again = true; again; ) {
    again = false;
    for (const loop of findLoops(f)) {
      if (rotate(f, loop)) {
        again = true;
        break;
      }
    }
  }
}

function rotate(f: Func, loop: Loop): boolean {
  const h = loop.header;
  const t = h.term;
  if (t.kind !== 'jnz' || loop.latches.length !== 1) return false;
  const latch = loop.latches[0];
  if (latch === h || latch.term.kind !== 'jmp') return false;
  const exit = loop.blocks.has(t.ifTrue) ? t.ifFalse : t.ifTrue;
  if (loop.blocks.has(exit) || !loop.blocks.has(exit === t.ifTrue ? t.ifFalse : t.ifTrue)) return false;
  const preds = predecessors(f);
  const entries = preds.get(h)!.filter((p) => p !== latch);
  if (entries.length !== 1 || preds.get(h)!.length !== 2) return false;
  if (preds.get(exit)!.length !== 1 || exit.phis.length > 0) return false;
  if (h.instrs.length > MAX_HEADER || !h.instrs.every(copyable)) return false;
  // The header must be the loop's only exit but for dead ends entered from the
  // loop alone (panics: H still dominates them, so they keep reading H's values).
  const deadEnds = new Set<Block>();
  for (const b of loop.blocks) {
    for (const s of successors(b)) {
      if (loop.blocks.has(s) || (b === h && s === exit)) continue;
      if (s.term.kind !== 'unreachable' || !preds.get(s)!.every((p) => loop.blocks.has(p))) return false;
      deadEnds.add(s);
    }
  }

  const entry = preheader(f, h, entries[0]);
  if (!entry) return false;
  const copyInto = (into: Block, pred: Block): Map<number, Value> => {
    const map = new Map<number, Value>();
    for (const p of h.phis) map.set(p.dst.id, p.args.find((a) => a.pred === pred)!.value);
    const sub = (v: Value): Value => (v.kind === 'temp' ? (map.get(v.id) ?? v) : v);
    for (const i of h.instrs) {
      const dst = newTemp(f, i.dst!.cls, i.dst!.hint);
      into.instrs.push({ ...i, dst, args: i.args.map(sub) });
      map.set(i.dst!.id, dst);
    }
    into.term = { kind: 'jnz', cond: sub(t.cond), ifTrue: t.ifTrue === exit ? exit : h, ifFalse: t.ifFalse === exit ? exit : h };
    return map;
  };
  const atEntry = copyInto(entry, entry);
  const atLatch = copyInto(latch, latch);

  // H's instructions become phis of their two copies; H falls into the body.
  const inLoop = t.ifTrue === exit ? t.ifFalse : t.ifTrue;
  const defined: Temp[] = [...h.phis.map((p) => p.dst), ...h.instrs.map((i) => i.dst!)];
  for (const i of h.instrs) {
    h.phis.push({ dst: i.dst!, args: [{ pred: entry, value: atEntry.get(i.dst!.id)! }, { pred: latch, value: atLatch.get(i.dst!.id)! }] });
  }
  h.instrs = [];
  h.term = { kind: 'jmp', target: inLoop };

  // Code after the loop reads H's values through phis in X (added after the
  // rewrite, which must not touch them: on the latch edge they read H's phis).
  const outside = new Map<number, Phi>();
  const byId = new Map(defined.map((d) => [d.id, d]));
  const sub = (v: Value): Value => {
    if (v.kind !== 'temp' || !byId.has(v.id)) return v;
    let phi = outside.get(v.id);
    if (!phi) {
      const d = byId.get(v.id)!;
      phi = { dst: newTemp(f, d.cls, d.hint), args: [{ pred: entry, value: atEntry.get(d.id)! }, { pred: latch, value: atLatch.get(d.id)! }] };
      outside.set(v.id, phi);
    }
    return phi.dst;
  };
  replaceUses(f, sub, (b) => !loop.blocks.has(b) && !deadEnds.has(b));
  exit.phis.push(...outside.values());
  return true;
}
