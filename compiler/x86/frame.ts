// Frame layout, prologue and epilogue. Every function keeps a frame pointer
// (the kernel's backtraces walk rbp chains):
//
//   [rbp+16…]  stack arguments 7, 8, …      push rbp; mov rbp, rsp
//   [rbp+8]    return address               push <callee-saved used>
//   [rbp]      caller's rbp                 sub rsp, N
//   [rbp-8…]   callee-saved registers
//   below      alloc and spill slots, then padding to 16 bytes
//
// rsp stays 16-byte aligned throughout the body (call sites that push stack
// arguments pad to keep it so), and nothing is ever stored below rsp: there
// is no red zone (the kernel target has none). Frame slots in memory
// operands are resolved here to [rbp - offset].
import { CALLEE_SAVED, RBP, RSP, reg, usesDefs } from './minst.js';
import type { MFunc, MInst, Operand } from './minst.js';

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** The callee-saved registers f uses after allocation, in push order. */
function usedCalleeSaved(f: MFunc): number[] {
  const used = new Set<number>();
  for (const b of f.blocks) {
    for (const mi of b.insts) {
      // Implicit writes count too (cpuid clobbers rbx).
      for (const r of usesDefs(mi).defs) used.add(r);
      for (const o of mi.a) {
        if (o.k === 'reg') used.add(o.r);
        if (o.k === 'mem' && o.base !== undefined) used.add(o.base);
        if (o.k === 'mem' && o.index !== undefined) used.add(o.index);
      }
      for (const r of mi.defs ?? []) used.add(r); // asm clobbers
      for (const r of mi.uses ?? []) used.add(r);
    }
  }
  return CALLEE_SAVED.filter((r) => used.has(r));
}

export interface FrameLayout {
  saved: number[];
  /** Byte offset below rbp of each slot. */
  slotOffset: number[];
  /** Bytes reserved below rbp in total (a multiple of 16). */
  size: number;
}

export function layoutFrame(f: MFunc): FrameLayout {
  const saved = usedCalleeSaved(f);
  let cur = 8 * saved.length;
  // Larger alignments first keeps padding small.
  const order = f.slots.map((_, k) => k).sort((a, b) => f.slots[b].align - f.slots[a].align || a - b);
  const slotOffset: number[] = new Array(f.slots.length).fill(0);
  for (const k of order) {
    const s = f.slots[k];
    cur = alignUp(cur + s.size, Math.min(s.align, 16));
    slotOffset[k] = cur;
  }
  return { saved, slotOffset, size: alignUp(cur, 16) };
}

/** Inserts the prologue and epilogues and resolves frame slots, in place. */
export function finishFrame(f: MFunc): FrameLayout {
  const fl = layoutFrame(f);
  f.saved = fl.saved;
  const reserve = fl.size - 8 * fl.saved.length;
  const resolve = (o: Operand): Operand =>
    o.k === 'mem' && o.slot !== undefined ? { k: 'mem', w: o.w, base: RBP, disp: o.disp - fl.slotOffset[o.slot] } : o;
  const loc = f.loc;
  const prologue: MInst[] = [
    { op: 'push', a: [reg(RBP)], loc },
    { op: 'mov', a: [reg(RBP), reg(RSP)], loc },
    ...fl.saved.map((r): MInst => ({ op: 'push', a: [reg(r)], loc })),
    ...(reserve > 0 ? [{ op: 'subrsp', a: [], n: reserve, loc } as MInst] : []),
  ];
  const epilogue = (at: MInst): MInst[] => [
    ...(reserve > 0 && fl.saved.length === 0 ? [{ op: 'mov', a: [reg(RSP), reg(RBP)], loc: at.loc } as MInst] : []),
    ...(reserve > 0 && fl.saved.length > 0 ? [{ op: 'lea', a: [reg(RSP), { k: 'mem', w: 8, base: RBP, disp: -8 * fl.saved.length }], loc: at.loc } as MInst] : []),
    ...[...fl.saved].reverse().map((r): MInst => ({ op: 'pop', a: [reg(r)], loc: at.loc })),
    { op: 'pop', a: [reg(RBP)], loc: at.loc },
    at,
  ];
  for (const b of f.blocks) {
    const out: MInst[] = [];
    for (const mi of b.insts) {
      const r = { ...mi, a: mi.a.map(resolve) };
      if (mi.op === 'ret') out.push(...epilogue(r));
      else out.push(r);
    }
    b.insts = out;
  }
  f.blocks[0].insts.unshift(...prologue);
  return fl;
}
