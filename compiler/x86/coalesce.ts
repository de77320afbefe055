// Copy coalescing before register allocation. Leaving SSA (outssa.ts) turns
// every phi into copies through a temp, and the allocator's move hints
// coalesce a copy only when the register the first partner got is still
// free for the second: a loop variable that is live across a call in the
// loop body but not at the loop's back edge ends up in two registers, with a
// copy each way around the back edge. Here every register-to-register `mov`
// between two general virtual registers whose live intervals do not
// intersect merges them into one vreg (union-find over the
// intervals, the merged ranges are the union), innermost loops' copies
// first; the allocator then sees one interval, gives it one register, and
// the copies, now copies of a vreg to itself, are deleted here. Float
// copies are left to the move hints: merging them in this greedy order made
// mandelbrot's inner loop 8% longer (two loop-carried values ended up with
// copies at both ends of the body). Inline asm operand
// vregs (infinite spill cost) are left alone. Renaming two vregs that are
// never live at the same position to one is exact: each position still
// holds the one live value.
import { FIRST_VREG, isXmm } from './minst.js';
import type { MFunc, MInst, Operand } from './minst.js';
import { computeLiveness, intersects, normalize } from './liveness.js';
import type { Range } from './liveness.js';

/** Merges copy-related vregs of f whose intervals do not intersect, renaming them in place; returns how many merged. */
export function coalesceCopies(f: MFunc): number {
  const live = computeLiveness(f);
  const copies: { d: number; s: number; depth: number }[] = [];
  for (const b of f.blocks) {
    for (const mi of b.insts) {
      const [d, s] = mi.a;
      if (mi.op !== 'mov' || d?.k !== 'reg' || s?.k !== 'reg') continue;
      if (d.r < FIRST_VREG || s.r < FIRST_VREG || d.r === s.r || isXmm(f, d.r) || isXmm(f, s.r)) continue;
      copies.push({ d: d.r, s: s.r, depth: b.depth });
    }
  }
  if (copies.length === 0) return 0;
  copies.sort((a, b) => b.depth - a.depth);
  const parent = new Map<number, number>();
  const find = (r: number): number => {
    let p = parent.get(r);
    if (p === undefined) return r;
    p = find(p);
    parent.set(r, p);
    return p;
  };
  const ranges = new Map<number, Range[]>();
  const rangesOf = (r: number): Range[] | undefined => ranges.get(r) ?? live.intervals.get(r)?.ranges;
  let merged = 0;
  for (const c of copies) {
    const a = find(c.d);
    const b = find(c.s);
    if (a === b) continue;
    const ra = rangesOf(a);
    const rb = rangesOf(b);
    if (!ra || !rb || live.intervals.get(a)!.weight === Infinity || live.intervals.get(b)!.weight === Infinity) continue;
    if (intersects(ra, rb)) continue;
    parent.set(b, a);
    ranges.set(a, normalize([...ra, ...rb]));
    ranges.delete(b);
    merged++;
  }
  if (merged === 0) return 0;
  const rename = (r: number): number => (r < FIRST_VREG ? r : find(r));
  const renameOp = (o: Operand): Operand => {
    if (o.k === 'reg') return o.r < FIRST_VREG ? o : { ...o, r: rename(o.r) };
    if (o.k !== 'mem') return o;
    const m = { ...o };
    if (m.base !== undefined) m.base = rename(m.base);
    if (m.index !== undefined) m.index = rename(m.index);
    return m;
  };
  const selfCopy = (mi: MInst): boolean =>
    mi.op === 'mov' && mi.a[0].k === 'reg' && mi.a[1].k === 'reg' && mi.a[0].r === mi.a[1].r && mi.a[0].r >= FIRST_VREG;
  for (const b of f.blocks) b.insts = b.insts.map((mi): MInst => ({ ...mi, a: mi.a.map(renameOp) })).filter((mi) => !selfCopy(mi));
  return merged;
}
