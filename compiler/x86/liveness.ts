// Liveness over the machine IR and the live intervals the register allocator
// works on. Instructions are numbered in layout order; instruction k reads
// its operands at position 2k and writes its results at 2k+1, so a value
// that dies in an instruction and the value it defines do not overlap.
// Live-in/live-out sets are solved by backward dataflow to a fixed point
// (correct around loops); each register's interval is then a sorted list of
// disjoint ranges (with holes). Physical registers get intervals the same
// way: they are the fixed constraints the allocator must respect.
import { RBP, RSP, blockSuccessors, usesDefs } from './minst.js';
import type { MFunc } from './minst.js';

/** An inclusive range of positions. */
export interface Range { from: number; to: number }

export interface Interval {
  reg: number;
  ranges: Range[];
  /** Uses and defs, weighted by 10^loop depth (the spill cost). */
  weight: number;
  /** Registers this one is copied to or from (move hints). */
  hints: number[];
}

export interface Liveness {
  intervals: Map<number, Interval>;
  liveIn: Map<number, Set<number>>;
  liveOut: Map<number, Set<number>>;
}

const ignored = (r: number): boolean => r === RSP || r === RBP;

export function computeLiveness(f: MFunc): Liveness {
  const byId = new Map(f.blocks.map((b) => [b.id, b]));
  // Per-block upward-exposed uses and defs.
  const gen = new Map<number, Set<number>>();
  const kill = new Map<number, Set<number>>();
  for (const b of f.blocks) {
    const g = new Set<number>();
    const k = new Set<number>();
    for (const mi of b.insts) {
      const { uses, defs } = usesDefs(mi);
      for (const r of uses) if (!ignored(r) && !k.has(r)) g.add(r);
      for (const r of defs) if (!ignored(r)) k.add(r);
    }
    gen.set(b.id, g);
    kill.set(b.id, k);
  }
  const liveIn = new Map<number, Set<number>>(f.blocks.map((b) => [b.id, new Set<number>()]));
  const liveOut = new Map<number, Set<number>>(f.blocks.map((b) => [b.id, new Set<number>()]));
  for (let changed = true; changed; ) {
    changed = false;
    for (let n = f.blocks.length - 1; n >= 0; n--) {
      const b = f.blocks[n];
      const out = liveOut.get(b.id)!;
      for (const s of blockSuccessors(b)) {
        if (!byId.has(s)) throw new Error(`internal: ${f.name} jumps to a missing block ${s}`);
        for (const r of liveIn.get(s)!) if (!out.has(r)) { out.add(r); changed = true; }
      }
      const inn = liveIn.get(b.id)!;
      const k = kill.get(b.id)!;
      for (const r of gen.get(b.id)!) if (!inn.has(r)) { inn.add(r); changed = true; }
      for (const r of out) if (!k.has(r) && !inn.has(r)) { inn.add(r); changed = true; }
    }
  }

  const intervals = new Map<number, Interval>();
  const iv = (r: number): Interval => {
    let x = intervals.get(r);
    if (!x) intervals.set(r, (x = { reg: r, ranges: [], weight: 0, hints: [] }));
    return x;
  };
  let pos = 0;
  for (const b of f.blocks) {
    const from = pos;
    const to = pos + 2 * b.insts.length - 1;
    pos = to + 1;
    const scale = 10 ** Math.min(b.depth, 5);
    // Walk backwards; `end` holds, for each register live below, where its current range ends.
    const end = new Map<number, number>();
    for (const r of liveOut.get(b.id)!) end.set(r, to);
    for (let k = b.insts.length - 1; k >= 0; k--) {
      const mi = b.insts[k];
      const usePos = from + 2 * k;
      const { uses, defs } = usesDefs(mi);
      for (const r of defs) {
        if (ignored(r)) continue;
        const x = iv(r);
        x.ranges.push({ from: usePos + 1, to: end.get(r) ?? usePos + 1 });
        x.weight += scale;
        end.delete(r);
      }
      for (const r of uses) {
        if (ignored(r)) continue;
        iv(r).weight += scale;
        // An early-clobber asm's inputs live until its outputs are written.
        if (!end.has(r)) end.set(r, usePos + (mi.early ? 1 : 0));
      }
      // An inline asm's register operands must get registers: the template names them.
      if (mi.op === 'asm') for (const o of mi.a) if (o.k === 'reg') iv(o.r).weight = Infinity;
      if ((mi.op === 'mov' || mi.op === 'mov32z' || mi.op === 'fmov') && mi.a[0].k === 'reg' && mi.a[1].k === 'reg') {
        const [d, s] = [mi.a[0].r, mi.a[1].r];
        iv(d).hints.push(s);
        iv(s).hints.push(d);
      }
    }
    for (const [r, e] of end) iv(r).ranges.push({ from, to: e });
  }
  for (const x of intervals.values()) x.ranges = normalize(x.ranges);
  return { intervals, liveIn, liveOut };
}

/** Sorts ranges and merges overlapping or adjacent ones. */
export function normalize(rs: Range[]): Range[] {
  rs.sort((a, b) => a.from - b.from);
  const out: Range[] = [];
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

export function intersects(a: Range[], b: Range[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].to < b[j].from) i++;
    else if (b[j].to < a[i].from) j++;
    else return true;
  }
  return false;
}

export const start = (x: Interval): number => x.ranges[0]?.from ?? 0;
export const end = (x: Interval): number => x.ranges[x.ranges.length - 1]?.to ?? 0;
