// Register allocation: linear scan over lifetime intervals with holes (after
// Poletto & Sarkar, with Wimmer's interval-with-holes intersection test but
// without interval splitting). Virtual registers are taken in order of their
// first position; a physical register is free for an interval when neither
// its fixed uses (argument registers, rax/rdx around division, cl for shifts,
// the caller-saved registers a call clobbers) nor any interval already given
// to it intersect the new one. So a value live across a call can only get a
// callee-saved register. Copies between vregs whose intervals do not
// intersect are coalesced before the scan (coalesce.ts); move hints are tried
// first, which coalesces most of the others (arguments, return values); failing those, a register
// that the interval's unallocated copy partners could share is preferred. When no register is free,
// the cheaper side is spilled: either the new interval or the intervals
// holding the register that would be cheapest to evict (cost = uses weighted
// by loop depth, per position of lifetime). A spilled vreg lives in its own
// 8-byte frame slot for its whole life.
//
// r10 and r11 are the spill scratch registers: an instruction that touches a
// spilled vreg uses the slot directly as a memory operand where x86 allows
// one, else loads it into a scratch register before and stores it back
// after. No instruction needs more than two. The allocator first tries with
// r10 and r11 allocatable like the other caller-saved registers; only if
// that spills a general vreg does it start again with them reserved (so a
// function without spills has nine caller-saved registers, not seven, and
// pushes fewer callee-saved ones).
//
// Float vregs (MFunc.xmm) are allocated the same way from their own class,
// xmm0–xmm13, with xmm14 and xmm15 as their spill scratch. Every xmm
// register is caller-saved (calls clobber them all), so a float live across
// a call finds no free register and is spilled (to an 8-byte slot, like
// every spill).
// (r10 is also the 4th syscall argument; only plain movs into fixed registers
// sit between its set-up and the syscall, and those never need a scratch.)
//
// Inline asm (isel-asm.ts) gets its class operands in fresh vregs copied
// from and to the values around it; liveness gives those vregs an infinite
// spill cost, so they always evict something and are never spilled. The
// copies around the asm are plain movs, which never need a scratch
// register either, so the template may use r10 and r11 as explicit
// operands or clobber them.
import {
  CALLEE_SAVED, FIRST_VREG, R10, R11, RAX, RCX, RDI, RDX, RSI, R8, R9, fitsImm32, isXmm, memPositions, reg, roleOf, xmm,
} from './minst.js';
import type { MFunc, MInst, MemOp, Operand, RegOp } from './minst.js';
import { coalesceCopies } from './coalesce.js';
import { computeLiveness, end, intersects, start } from './liveness.js';
import type { Interval, Liveness } from './liveness.js';

/** Allocation order: caller-saved first (free to use), callee-saved after (cost a push/pop). */
export const ALLOCATABLE = [RAX, RCX, RDX, RSI, RDI, R8, R9, ...CALLEE_SAVED];
/** The same with the spill scratch registers, for a first attempt that spills nothing. */
const ALLOCATABLE_ALL = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11, ...CALLEE_SAVED];
const SCRATCH = [R11, R10];
/** Allocatable xmm registers (all caller-saved); xmm14 and xmm15 are the float spill scratch. */
export const XMM_ALLOCATABLE = Array.from({ length: 14 }, (_, n) => xmm(n));
const XMM_SCRATCH = [xmm(15), xmm(14)];

export interface AllocResult {
  /** vreg → physical register. */
  assign: Map<number, number>;
  /** vreg → frame slot, for spilled vregs. */
  spilled: Map<number, number>;
}

function weightOf(x: Interval): number {
  let len = 0;
  for (const r of x.ranges) len += r.to - r.from + 1;
  return x.weight / len;
}

export function assignRegisters(f: MFunc): AllocResult {
  const live = computeLiveness(f);
  const first = linearScan(f, live, ALLOCATABLE_ALL);
  // Spilled floats need only the xmm scratch registers.
  const gpSpill = [...first.spilledSet].some((v) => !isXmm(f, v));
  const { assign, spilledSet } = gpSpill ? linearScan(f, live, ALLOCATABLE) : first;
  const spilled = new Map<number, number>();
  for (const v of [...spilledSet].sort((a, b) => a - b)) {
    spilled.set(v, f.slots.length);
    f.slots.push({ size: 8, align: 8 });
  }
  return { assign, spilled };
}

/** One linear scan over f's intervals, giving general vregs registers from gprs. */
function linearScan(f: MFunc, live: Liveness, gprs: number[]): { assign: Map<number, number>; spilledSet: Set<number> } {
  const fixed = new Map<number, Interval>();
  const vregs: Interval[] = [];
  for (const x of live.intervals.values()) {
    if (x.reg >= FIRST_VREG) vregs.push(x);
    else fixed.set(x.reg, x);
  }
  vregs.sort((a, b) => start(a) - start(b) || a.reg - b.reg);
  const assign = new Map<number, number>();
  const spilledSet = new Set<number>();
  const held = new Map<number, Interval[]>([...gprs, ...XMM_ALLOCATABLE].map((r) => [r, []]));
  const fixedFree = (r: number, x: Interval): boolean => !fixed.has(r) || !intersects(fixed.get(r)!.ranges, x.ranges);

  for (const cur of vregs) {
    const s = start(cur);
    const regs = isXmm(f, cur.reg) ? XMM_ALLOCATABLE : gprs;
    for (const [r, list] of held) held.set(r, list.filter((y) => end(y) >= s));
    const free = (r: number): boolean =>
      fixedFree(r, cur) && held.get(r)!.every((y) => !intersects(y.ranges, cur.ranges));
    // Hinted registers first: physical hints, and the registers of hinted vregs.
    const prefs: number[] = [];
    for (const h of cur.hints) {
      const r = h < FIRST_VREG ? h : assign.get(h);
      if (r !== undefined && regs.includes(r) && !prefs.includes(r)) prefs.push(r);
    }
    let chosen = prefs.find(free);
    if (chosen === undefined) {
      // Among free registers, prefer one its not-yet-allocated copy partners could also use,
      // so the copies between them can coalesce later.
      const partners = cur.hints.filter((h) => h >= FIRST_VREG && !assign.has(h) && !spilledSet.has(h)).map((h) => live.intervals.get(h)!);
      let bestScore = -1;
      for (const r of regs) {
        if (!free(r)) continue;
        const score = partners.filter((y) => fixedFree(r, y)).length;
        if (score > bestScore) [chosen, bestScore] = [r, score];
      }
    }
    if (chosen === undefined) {
      // Evict the cheapest set of conflicting intervals if that costs less than spilling cur.
      let best: { r: number; cost: number; victims: Interval[] } | null = null;
      for (const r of regs) {
        if (!fixedFree(r, cur)) continue;
        const victims = held.get(r)!.filter((y) => intersects(y.ranges, cur.ranges));
        const cost = victims.reduce((c, y) => c + weightOf(y), 0);
        if (!best || cost < best.cost) best = { r, cost, victims };
      }
      if (best && best.cost < weightOf(cur)) {
        for (const y of best.victims) {
          assign.delete(y.reg);
          spilledSet.add(y.reg);
        }
        held.set(best.r, held.get(best.r)!.filter((y) => !best.victims.includes(y)));
        chosen = best.r;
      }
    }
    if (chosen === undefined) {
      spilledSet.add(cur.reg);
    } else {
      assign.set(cur.reg, chosen);
      held.get(chosen)!.push(cur);
    }
  }
  return { assign, spilledSet };
}

const slotMem = (slot: number, w: MemOp['w']): MemOp => ({ k: 'mem', w, slot, disp: 0 });

/** Rewrites one instruction to physical registers; returns it with any spill code around it. */
function rewrite(mi: MInst, res: AllocResult, f: MFunc): MInst[] {
  const phys = (r: number): number => (r < FIRST_VREG ? r : res.assign.get(r) ?? r);
  const a: Operand[] = mi.a.map((o) => {
    if (o.k === 'reg') return { ...o, r: phys(o.r) };
    if (o.k === 'mem' && o.base !== undefined) o = { ...o, base: phys(o.base) };
    if (o.k === 'mem' && o.index !== undefined) o = { ...o, index: phys(o.index) };
    return o;
  });
  const isSpilled = (r: number | undefined): boolean => r !== undefined && res.spilled.has(r);
  if (!a.some((o) => (o.k === 'reg' && isSpilled(o.r)) || (o.k === 'mem' && (isSpilled(o.base) || isSpilled(o.index))))) {
    return [{ ...mi, a }];
  }
  if (mi.op === 'asm') {
    // Sema leaves enough free registers (sema/asm.ts), and asm operands are never evicted.
    const where = mi.loc ? ` at ${mi.loc.file}:${mi.loc.line}` : '';
    throw new Error(`internal: an inline asm operand${where} got no register`);
  }
  const before: MInst[] = [];
  const after: MInst[] = [];
  const scratchOf = new Map<number, number>();
  const loaded = new Set<number>();
  const stored = new Set<number>();
  let gpUsed = 0;
  let xmmUsed = 0;
  const scratch = (v: number, read: boolean, write: boolean): number => {
    const x = isXmm(f, v);
    let s = scratchOf.get(v);
    if (s === undefined) {
      s = x ? XMM_SCRATCH[xmmUsed++] : SCRATCH[gpUsed++];
      if (s === undefined) throw new Error(`internal: regalloc needs more than two scratch registers for '${mi.op}'`);
      scratchOf.set(v, s);
    }
    const slot = res.spilled.get(v)!;
    const op = x ? 'fmov' : 'mov';
    if (read && !loaded.has(v)) {
      loaded.add(v);
      before.push({ op, a: [{ k: 'reg', r: s, w: 8 }, slotMem(slot, 8)], loc: mi.loc });
    }
    if (write && !stored.has(v)) {
      stored.add(v);
      after.push({ op, a: [slotMem(slot, 8), { k: 'reg', r: s, w: 8 }], loc: mi.loc });
    }
    return s;
  };
  // Address registers first: they always need a register. A spilled base and
  // a spilled index are combined into one scratch (lea), freeing the other.
  a.forEach((o, i) => {
    if (o.k !== 'mem') return;
    if (isSpilled(o.base) && isSpilled(o.index) && o.base !== o.index) {
      const b = scratch(o.base!, true, false);
      const x = scratch(o.index!, true, false);
      before.push({ op: 'lea', a: [reg(b), { k: 'mem', w: 8, base: b, index: x, scale: o.scale, disp: 0 }], loc: mi.loc });
      scratchOf.delete(o.base!);
      scratchOf.delete(o.index!);
      loaded.delete(o.base!);
      loaded.delete(o.index!);
      gpUsed--; // x was the last scratch taken
      a[i] = { k: 'mem', w: o.w, base: b, disp: o.disp };
      return;
    }
    if (isSpilled(o.base)) a[i] = o = { ...o, base: scratch(o.base!, true, false) };
    if (isSpilled(o.index)) a[i] = { ...o, index: scratch(o.index!, true, false) };
  });
  let memUsed = a.some((o) => o.k === 'mem');
  const bigImm = a.some((o) => o.k === 'imm' && !fitsImm32(o.v));
  a.forEach((o, i) => {
    if (o.k !== 'reg' || !isSpilled(o.r)) return;
    const role = roleOf(mi, i);
    if (!memUsed && !bigImm && memPositions(mi).includes(i)) {
      a[i] = slotMem(res.spilled.get(o.r)!, o.w);
      memUsed = true;
      return;
    }
    const s = scratch(o.r, role !== 'w', role !== 'r');
    a[i] = { ...o, r: s } as RegOp;
  });
  return [...before, { ...mi, a }, ...after];
}

/** Allocates registers for f and rewrites it in place to physical registers and spill slots. */
export function allocateRegisters(f: MFunc): AllocResult {
  coalesceCopies(f);
  const res = assignRegisters(f);
  for (const b of f.blocks) {
    const out: MInst[] = [];
    for (const mi of b.insts) {
      // A copy between the same vreg, or between registers that coalesced, disappears.
      const [d, s] = mi.a;
      if ((mi.op === 'mov' || mi.op === 'fmov') && d?.k === 'reg' && s?.k === 'reg') {
        const pd = d.r < FIRST_VREG ? d.r : res.assign.get(d.r) ?? -d.r;
        const ps = s.r < FIRST_VREG ? s.r : res.assign.get(s.r) ?? -s.r;
        if (pd === ps) continue;
      }
      out.push(...rewrite(mi, res, f));
    }
    b.insts = out;
  }
  return res;
}

