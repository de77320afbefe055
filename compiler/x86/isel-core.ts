// Instruction selection, shared state: the Selector holds the machine
// function being built and the instruction list of the current block, and
// turns IR values into operands (registers, immediates, memory, .rodata
// constants). The per-concern selectors (isel-int, isel-float, isel-call,
// isel-term) are functions over a Selector; isel.ts drives them.
import type { Cls, Const, FloatCls, Func, Instr, SourceLoc, Temp, Value } from '../ir/ir.js';
import { plannedAddr } from './isel-addr.js';
import type { AddrPlan } from './isel-addr.js';
import { isFloatCls } from '../ir/ops.js';
import { FIRST_VREG, fitsImm32, reg } from './minst.js';
import type { Cond, MFunc, MInst, MOp, MemOp, Operand, RegOp, Width } from './minst.js';

/** The register width of an IR class (w and s: 4 bytes; l and d: 8). */
export const W = (c: Cls): Width => (c === 'w' || c === 's' ? 4 : 8);

/** An immediate normalised to a width, as NASM wants it (signed, in range). */
export function immW(v: bigint, w: Width): Operand {
  return { k: 'imm', v: BigInt.asIntN(w * 8, v) };
}

/** What a comparison tests: cc, combined with the parity flag for float ==/!=. */
export interface Test {
  cc: Cond;
  /** and-np: true when cc holds and PF is clear (==); or-p: true when cc holds or PF is set (!=). */
  parity?: 'and-np' | 'or-p';
}

const SIGN_MASK: Record<FloatCls, { label: string; line: string }> = {
  s: { label: '__tskc_fsign_s', line: 'dd 0x80000000, 0, 0, 0' },
  d: { label: '__tskc_fsign_d', line: 'dq 0x8000000000000000, 0' },
};

export class Selector {
  readonly mf: MFunc;
  /** The instructions of the block being selected (emit appends here). */
  out: MInst[] = [];
  /** The source location given to emitted instructions. */
  loc: SourceLoc | undefined;
  /** alloc temps → frame slot. */
  readonly slotOf = new Map<number, number>();
  /** alloc temps used only as load/store addresses (their lea is not needed). */
  readonly addrOnly = new Set<number>();
  /** Uses of each temp (instructions and terminators). */
  readonly useCount = new Map<number, number>();
  /** Address temps whose arithmetic folds into the access (isel-addr.ts), and the instructions that folds away. */
  readonly addrPlans = new Map<number, AddrPlan>();
  readonly absorbed = new Set<Instr>();
  /** The output registers of the asm selected last, for the asmouts that follow it. */
  asmOutputs: { dst: Temp | null; regs: RegOp[] } | null = null;
  /** The next id for machine blocks isel adds (the params block, switch search blocks). */
  private nextBlockId: number;

  constructor(readonly f: Func) {
    this.mf = { name: f.name, blocks: [], nextVreg: FIRST_VREG + f.nextTemp, slots: [], loc: f.loc, xmm: new Set(), consts: new Map() };
    this.nextBlockId = Math.max(f.nextBlock, ...f.blocks.map((b) => b.id + 1));
    const mark = (cls: Cls, id: number): void => {
      if (isFloatCls(cls)) this.mf.xmm.add(FIRST_VREG + id);
    };
    for (const p of f.params) mark(p.cls, p.id);
    for (const b of f.blocks) for (const i of b.instrs) if (i.dst) mark(i.dst.cls, i.dst.id);
  }

  /** A fresh machine block id, distinct from every IR block's. */
  newBlockId(): number {
    return this.nextBlockId++;
  }

  // ---- emission helpers ----

  emit(op: MOp, a: Operand[], extra: Partial<MInst> = {}): void {
    this.out.push({ op, a, ...extra, ...(this.loc ? { loc: this.loc } : {}) });
  }
  newVreg(w: Width = 8): RegOp {
    return reg(this.mf.nextVreg++, w);
  }
  tempReg(id: number, c: Cls | Width): RegOp {
    return reg(FIRST_VREG + id, typeof c === 'number' ? c : W(c));
  }

  /** A register holding v (constants and symbols are materialised). */
  inReg(v: Value, w: Width): RegOp {
    if (v.kind === 'temp') return this.tempReg(v.id, w);
    const r = this.newVreg(8);
    if (v.kind === 'sym') this.emit('lea', [r, { k: 'mem', w: 8, sym: v.name, disp: 0 }]);
    else this.emit('mov', [r, w === 8 ? { k: 'imm', v: v.value } : immW(v.value, w)]);
    return { ...r, w };
  }

  /** A register or, when v is a constant that fits, an immediate. */
  src(v: Value, w: Width): Operand {
    if (v.kind === 'const') {
      if (w < 8) return immW(v.value, w);
      if (fitsImm32(v.value)) return { k: 'imm', v: v.value };
    }
    return this.inReg(v, w);
  }

  /** The memory operand for an access of width w at address v. */
  addr(v: Value, w: Width): MemOp {
    if (v.kind === 'sym') return { k: 'mem', w, sym: v.name, disp: 0 };
    if (v.kind === 'temp' && this.slotOf.has(v.id)) return { k: 'mem', w, slot: this.slotOf.get(v.id)!, disp: 0 };
    const plan = v.kind === 'temp' ? this.addrPlans.get(v.id) : undefined;
    if (plan) return plannedAddr(this, plan, w);
    return { k: 'mem', w, base: this.inReg(v, 8).r, disp: 0 };
  }

  /** dst = v as a plain 64-bit copy (coalescable) or an immediate load. */
  copyTo(dst: RegOp, v: Value, c: Cls): void {
    if (v.kind === 'temp') this.emit('mov', [{ ...dst, w: 8 }, this.tempReg(v.id, 8)]);
    else if (v.kind === 'sym') this.emit('lea', [{ ...dst, w: 8 }, { k: 'mem', w: 8, sym: v.name, disp: 0 }]);
    else this.emit('mov', [{ ...dst, w: W(c) }, c === 'l' ? { k: 'imm', v: v.value } : immW(v.value, 4)]);
  }

  // ---- float values ----

  newXVreg(w: Width): RegOp {
    const r = this.newVreg(w);
    this.mf.xmm.add(r.r);
    return r;
  }

  /** The .rodata memory operand holding float constant k. */
  poolConst(k: Const, c: FloatCls): MemOp {
    const hex = k.value.toString(16).padStart(c === 'd' ? 16 : 8, '0');
    const label = `__tskc_f${c === 'd' ? 64 : 32}_${hex}`;
    this.mf.consts.set(label, { align: c === 'd' ? 8 : 4, line: `${c === 'd' ? 'dq' : 'dd'} 0x${hex}` });
    return { k: 'mem', w: W(c), sym: label, disp: 0 };
  }

  /** The 16-byte sign-bit mask for class c (for xorps). */
  signMask(c: FloatCls): MemOp {
    const m = SIGN_MASK[c];
    this.mf.consts.set(m.label, { align: 16, line: m.line });
    return { k: 'mem', w: 16, sym: m.label, disp: 0 };
  }

  /** dst = the float v (a register copy, xorps for +0.0, or a .rodata load). */
  fcopyTo(dst: RegOp, v: Value, c: FloatCls): void {
    if (v.kind === 'temp') this.emit('fmov', [dst, this.tempReg(v.id, c)]);
    else if (v.kind === 'const' && v.value === 0n) this.emit('fzero', [dst]);
    else if (v.kind === 'const') this.emit('fmov', [dst, this.poolConst(v, c)]);
    else throw new Error(`isel: symbol $${v.name} used as a float`);
  }

  /** An xmm register holding the float v. */
  fInReg(v: Value, c: FloatCls): RegOp {
    if (v.kind === 'temp') return this.tempReg(v.id, c);
    const r = this.newXVreg(W(c));
    this.fcopyTo(r, v, c);
    return r;
  }

  /** An xmm register or, for a constant, its .rodata memory operand. */
  fSrc(v: Value, c: FloatCls): Operand {
    if (v.kind === 'const' && v.value !== 0n) return this.poolConst(v, c);
    return this.fInReg(v, c);
  }
}
