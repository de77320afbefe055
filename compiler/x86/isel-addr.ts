// Addressing modes: the address arithmetic of loads and stores folds into
// their memory operands, [base + index*scale + disp], when it is computed
// by 64-bit adds of a value, a constant, and a multiply or left shift by 1,
// 2, 4 or 8, the inner ones each used only there. An array element access,
// `add (add a, 8) (mul i, 4)`, becomes `[a + i*4 + 8]` and the adds and
// multiply are not selected at all. An address used by several accesses
// and by nothing else (a load and a store of one element, `a[i] = a[i] + 1`)
// folds into each of them.
//
// Why this is correct: the IR was SSA, and outssa only adds copies at
// block heads (phi destinations) and to fresh temps at block ends. So a
// leaf of the folded expression is redefined nowhere between the
// arithmetic and an access in the same block; an access in another block
// is folded only when every leaf is defined at most once in the function (a
// phi destination, say a loop's counter, is not), and then the leaf
// holds the same value wherever the arithmetic's result was available.
import type { Block, Instr, Value } from '../ir/ir.js';
import { fitsImm32 } from './minst.js';
import type { MemOp, Scale } from './minst.js';
import { LOAD, STORE } from './isel-int.js';
import { FLOAD, FSTORE } from './isel-float.js';
import type { Selector } from './isel-core.js';

/** A folded address: the leaves that become registers, and the instructions it replaces. */
export interface AddrPlan {
  base?: Value;
  index?: Value;
  scale: Scale;
  disp: bigint;
  absorbed: Instr[];
}

const SCALES: Record<string, Scale> = { '1': 1, '2': 2, '4': 4, '8': 8 };

/** The address operand position of a load/store, or -1. */
function addrPos(i: Instr): number {
  return LOAD[i.op] || FLOAD[i.op] ? 0 : STORE[i.op] || FSTORE[i.op] ? 1 : -1;
}

/** Plans, once per function, every address whose uses are all loads and stores; records the plans on s. */
export function planAddresses(s: Selector): void {
  // Per temp: its uses as an address, the one block they are all in (null: several), and how often it is defined.
  const addrUses = new Map<number, number>();
  const useBlock = new Map<number, Block | null>();
  const defCount = new Map<number, number>();
  for (const b of s.f.blocks) {
    for (const i of b.instrs) {
      if (i.dst) defCount.set(i.dst.id, (defCount.get(i.dst.id) ?? 0) + 1);
      const a = i.args[addrPos(i)];
      if (a?.kind !== 'temp') continue;
      addrUses.set(a.id, (addrUses.get(a.id) ?? 0) + 1);
      const seen = useBlock.get(a.id);
      useBlock.set(a.id, seen === undefined || seen === b ? b : null);
    }
  }
  for (const b of s.f.blocks) {
    const defs = new Map<number, { i: Instr; at: number }>();
    b.instrs.forEach((i, at) => {
      if (!i.dst) return;
      defs.set(i.dst.id, { i, at });
      const a = i.dst;
      const uses = addrUses.get(a.id) ?? 0;
      if (i.op !== 'add' || uses === 0 || s.useCount.get(a.id) !== uses) return;
      if (s.slotOf.has(a.id) || s.addrOnly.has(a.id)) return;
      const plan = fold(s, a, defs, at + 1, uses);
      if (!plan) return;
      const elsewhere = useBlock.get(a.id) !== b;
      const once = (v: Value | undefined): boolean => v === undefined || v.kind !== 'temp' || (defCount.get(v.id) ?? 0) <= 1;
      if (elsewhere && !(once(plan.base) && once(plan.index))) return;
      s.addrPlans.set(a.id, plan);
      for (const x of plan.absorbed) s.absorbed.add(x);
    });
  }
}

/** An l-class instruction of op in ops defining v earlier in the block, v used exactly `uses` times. */
function defOf(s: Selector, v: Value, defs: Map<number, { i: Instr; at: number }>, before: number, ops: string[], uses = 1): Instr | null {
  if (v.kind !== 'temp' || s.useCount.get(v.id) !== uses) return null;
  const d = defs.get(v.id);
  if (!d || d.at >= before || d.i.cls !== 'l' || !ops.includes(d.i.op) || s.absorbed.has(d.i)) return null;
  return d.i;
}

function fold(s: Selector, addr: Value, defs: Map<number, { i: Instr; at: number }>, at: number, uses: number): AddrPlan | null {
  const top = defOf(s, addr, defs, at, ['add'], uses);
  if (!top) return null;
  const plan: AddrPlan = { scale: 1, disp: 0n, absorbed: [top] };
  const regs: { v: Value; scale: Scale }[] = [];
  // Flatten the tree of adds (each single-use, in this block) into constant, scaled and plain terms.
  const terms = (v: Value, depth: number): boolean => {
    if (v.kind === 'const') {
      plan.disp += v.value;
      return true;
    }
    if (v.kind === 'sym') {
      regs.push({ v, scale: 1 }); // its address, by lea into a register
      return true;
    }
    if (s.slotOf.has(v.id)) return false;
    const add = depth < 3 ? defOf(s, v, defs, at, ['add']) : null;
    if (add) {
      plan.absorbed.push(add);
      return terms(add.args[0], depth + 1) && terms(add.args[1], depth + 1);
    }
    const scaled = defOf(s, v, defs, at, ['mul', 'shl']);
    const k = scaled?.args[1];
    const factor = k?.kind === 'const' ? (scaled!.op === 'mul' ? k.value : k.value < 4n ? 1n << k.value : 0n) : 0n;
    if (scaled && SCALES[String(factor)] && factor !== 1n) {
      plan.absorbed.push(scaled);
      regs.push({ v: scaled.args[0], scale: SCALES[String(factor)] });
      return true;
    }
    regs.push({ v, scale: 1 });
    return true;
  };
  if (!terms(top.args[0], 1) || !terms(top.args[1], 1)) return null;
  if (!fitsImm32(plan.disp) || regs.length === 0 || regs.length > 2) return null;
  const scaled = regs.filter((r) => r.scale !== 1);
  if (scaled.length > 1) return null;
  const [index] = scaled.length ? scaled : regs.slice(1);
  const base = regs.find((r) => r !== index);
  if (index) plan.index = index.v;
  if (index) plan.scale = index.scale;
  if (base) plan.base = base.v;
  return plan;
}

/** The memory operand of a planned address. */
export function plannedAddr(s: Selector, p: AddrPlan, w: MemOp['w']): MemOp {
  const m: MemOp = { k: 'mem', w, disp: Number(p.disp) };
  if (p.base) m.base = s.inReg(p.base, 8).r;
  if (p.index) {
    m.index = s.inReg(p.index, 8).r;
    m.scale = p.scale;
  }
  return m;
}
