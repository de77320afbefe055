// Instruction selection: IR (after outssa, so without phis) → machine IR
// over virtual registers. IR temp N becomes vreg FIRST_VREG+N. Constants
// become immediates when they fit a sign-extended imm32 (else a mov into a
// register), symbol addresses `lea r, [rel sym]`, alloc slots frame slots.
// A comparison whose only use is the jnz ending its block is fused into
// cmp + jcc; otherwise it is materialised with setcc + movzx. Fixed
// registers (arguments, rax/rdx for division, cl for shifts) appear as
// physical operands, so the allocator sees them as constraints.
//
// Floats (classes s and d) live in xmm virtual registers (MFunc.xmm) with
// width 4 or 8 and use SSE2 scalar instructions; float constants are loaded
// from .rodata (MFunc.consts), +0.0 with xorps. Float comparisons use
// ucomiss/ucomisd, whose unordered result (a NaN operand) sets ZF, PF and CF:
// a > b is `a` and a >= b is `ae` (both false when unordered), a < b and
// a <= b are those with the operands swapped, a == b is `e` and not `p`,
// a != b is `ne` or `p`. Calls follow SysV: float arguments in xmm0–xmm7,
// counted separately from the integer ones, the rest on the stack in order;
// a float result in xmm0.
import { fconstBits, reversePostorder, instrUses, termUses } from '../ir/ir.js';
import type { Block, Cls, Const, FloatCls, Func, Instr, SourceLoc, Value } from '../ir/ir.js';
import { isFloatCls, opInfo } from '../ir/ops.js';
import type { Op } from '../ir/ops.js';
import {
  ARG_REGS, FIRST_VREG, FLOAT_ARG_REGS, RAX, RBP, RCX, RDX, RSP, SYSCALL_REGS, XMM0, fitsImm32, reg,
} from './minst.js';
import type { Cond, MBlock, MFunc, MInst, MOp, MemOp, Operand, RegOp, Width } from './minst.js';
import { SWAP_COND } from './minst.js';

const W = (c: Cls): Width => (c === 'w' || c === 's' ? 4 : 8);

/** What a comparison tests: cc, combined with the parity flag for float ==/!=. */
interface Test {
  cc: Cond;
  /** and-np: true when cc holds and PF is clear (==); or-p: true when cc holds or PF is set (!=). */
  parity?: 'and-np' | 'or-p';
}

/** Float arithmetic: IR op → machine op. */
const FALU: Partial<Record<Op, MOp>> = { add: 'fadd', sub: 'fsub', mul: 'fmul', div: 'fdiv' };
/** Float comparisons: the condition after ucomis, and whether the operands are swapped first. */
const FCMP: Partial<Record<Op, { test: Test; swap: boolean }>> = {
  cgt: { test: { cc: 'a' }, swap: false },
  cge: { test: { cc: 'ae' }, swap: false },
  clt: { test: { cc: 'a' }, swap: true },
  cle: { test: { cc: 'ae' }, swap: true },
  ceq: { test: { cc: 'e', parity: 'and-np' }, swap: false },
  cne: { test: { cc: 'ne', parity: 'or-p' }, swap: false },
};
const FLOAD: Partial<Record<Op, FloatCls>> = { loads: 's', loadd: 'd' };
const FSTORE: Partial<Record<Op, FloatCls>> = { stores: 's', stored: 'd' };
const SIGN_MASK: Record<FloatCls, { label: string; line: string }> = {
  s: { label: '__tskc_fsign_s', line: 'dd 0x80000000, 0, 0, 0' },
  d: { label: '__tskc_fsign_d', line: 'dq 0x8000000000000000, 0' },
};

/** The float class of a value, if it is a float (temps by class, constants by marker). */
function floatClsOf(v: Value): FloatCls | null {
  if (v.kind === 'temp') return isFloatCls(v.cls) ? v.cls : null;
  if (v.kind === 'const') return v.float ?? null;
  return null;
}

/** Whether an instruction is selected by the float code. */
function isFloatInstr(i: Instr): boolean {
  if (i.op === 'call') return false;
  if (isFloatCls(i.cls)) return true;
  if (opInfo(i.op).compare) return isFloatCls(i.argCls);
  return i.op === 'stosi' || i.op === 'dtosi' || i.op === 'cast';
}

/** Two-address arithmetic: IR op → x86 mnemonic. */
const ALU: Partial<Record<Op, MOp>> = { add: 'add', sub: 'sub', and: 'and', or: 'or', xor: 'xor', mul: 'imul' };
const SHIFT: Partial<Record<Op, MOp>> = { shl: 'shl', sar: 'sar', shr: 'shr' };
const UNARY: Partial<Record<Op, MOp>> = { neg: 'neg', not: 'not' };
const CMP: Partial<Record<Op, Cond>> = {
  ceq: 'e', cne: 'ne', cslt: 'l', csle: 'le', csgt: 'g', csge: 'ge', cult: 'b', cule: 'be', cugt: 'a', cuge: 'ae',
};
/** Division: signed?, and whether the result is the quotient (rax) or remainder (rdx). */
const DIV: Partial<Record<Op, { signed: boolean; result: number }>> = {
  sdiv: { signed: true, result: RAX }, srem: { signed: true, result: RDX },
  udiv: { signed: false, result: RAX }, urem: { signed: false, result: RDX },
};
/** Loads: access width, and how the value is widened into the destination. */
const LOAD: Partial<Record<Op, { w: Width; ext: 'sx' | 'zx' }>> = {
  loadsb: { w: 1, ext: 'sx' }, loadub: { w: 1, ext: 'zx' }, loadsh: { w: 2, ext: 'sx' }, loaduh: { w: 2, ext: 'zx' },
  loadsw: { w: 4, ext: 'sx' }, loaduw: { w: 4, ext: 'zx' }, loadl: { w: 8, ext: 'zx' },
};
const STORE: Partial<Record<Op, Width>> = { storeb: 1, storeh: 2, storew: 4, storel: 8 };
/** Extensions: source width and signedness. */
const EXT: Partial<Record<Op, { w: Width; signed: boolean }>> = {
  extsb: { w: 1, signed: true }, extub: { w: 1, signed: false }, extsh: { w: 2, signed: true },
  extuh: { w: 2, signed: false }, extsw: { w: 4, signed: true }, extuw: { w: 4, signed: false },
};
const PORT_OUT: Partial<Record<Op, Width>> = { outb: 1, outw: 2, outl: 4 };
const PORT_IN: Partial<Record<Op, Width>> = { inb: 1, inw: 2, inl: 4 };
const PLAIN: Partial<Record<Op, MOp>> = { hlt: 'hlt', cli: 'cli', sti: 'sti', pause: 'pause' };

/** An immediate normalised to a width, as NASM wants it (signed, in range). */
function immW(v: bigint, w: Width): Operand {
  return { k: 'imm', v: BigInt.asIntN(w * 8, v) };
}

class Selector {
  readonly mf: MFunc;
  private out: MInst[] = [];
  private loc: SourceLoc | undefined;
  /** alloc temps → frame slot. */
  private readonly slotOf = new Map<number, number>();
  /** alloc temps used only as load/store addresses (their lea is not needed). */
  private readonly addrOnly = new Set<number>();
  private readonly useCount = new Map<number, number>();

  constructor(private readonly f: Func) {
    this.mf = { name: f.name, blocks: [], nextVreg: FIRST_VREG + f.nextTemp, slots: [], loc: f.loc, xmm: new Set(), consts: new Map() };
    this.countUses();
    const mark = (cls: Cls, id: number): void => {
      if (isFloatCls(cls)) this.mf.xmm.add(FIRST_VREG + id);
    };
    for (const p of f.params) mark(p.cls, p.id);
    for (const b of f.blocks) for (const i of b.instrs) if (i.dst) mark(i.dst.cls, i.dst.id);
  }

  private countUses(): void {
    const nonAddr = new Set<number>();
    const bump = (v: Value): void => {
      if (v.kind === 'temp') this.useCount.set(v.id, (this.useCount.get(v.id) ?? 0) + 1);
    };
    for (const b of this.f.blocks) {
      for (const i of b.instrs) {
        instrUses(i).forEach(bump);
        if (i.op === 'alloc' && i.dst) this.addrOnly.add(i.dst.id);
        const addrPos = LOAD[i.op] || FLOAD[i.op] ? 0 : STORE[i.op] || FSTORE[i.op] ? 1 : -1;
        instrUses(i).forEach((v, k) => {
          const pos = i.callee ? k - 1 : k;
          if (v.kind === 'temp' && pos !== addrPos) nonAddr.add(v.id);
        });
      }
      termUses(b.term).forEach((v) => {
        bump(v);
        if (v.kind === 'temp') nonAddr.add(v.id);
      });
    }
    for (const id of nonAddr) this.addrOnly.delete(id);
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
    return { k: 'mem', w, base: this.inReg(v, 8).r, disp: 0 };
  }

  /** dst = v as a plain 64-bit copy (coalescable) or an immediate load. */
  copyTo(dst: RegOp, v: Value, c: Cls): void {
    if (v.kind === 'temp') this.emit('mov', [{ ...dst, w: 8 }, this.tempReg(v.id, 8)]);
    else if (v.kind === 'sym') this.emit('lea', [{ ...dst, w: 8 }, { k: 'mem', w: 8, sym: v.name, disp: 0 }]);
    else this.emit('mov', [{ ...dst, w: W(c) }, c === 'l' ? { k: 'imm', v: v.value } : immW(v.value, 4)]);
  }

  // ---- float helpers ----

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

  /** Emits ucomis for a float comparison; returns what to test. */
  fcompare(i: Instr): Test {
    const c = i.argCls as FloatCls;
    const { test, swap } = FCMP[i.op]!;
    let [a, b] = swap ? [i.args[1], i.args[0]] : i.args;
    // == and != are symmetric: keep a constant on the memory side.
    if (test.parity && a.kind === 'const' && b.kind === 'temp') [a, b] = [b, a];
    this.emit('ucomi', [this.fInReg(a, c), this.fSrc(b, c)]);
    return test;
  }

  /** Emits the compare for any comparison instruction. */
  test(i: Instr): Test {
    return isFloatCls(i.argCls) ? this.fcompare(i) : { cc: this.compare(i) };
  }

  /** Selects a float instruction (see isFloatInstr). */
  floatInstr(i: Instr): void {
    const op = i.op;
    const c = i.cls;
    const fc = c as FloatCls;
    const d = i.dst ? this.tempReg(i.dst.id, c) : null;
    const [a, b] = i.args;
    if (FALU[op]) {
      let [x, y] = [a, b];
      if (opInfo(op).commutes && x.kind === 'const' && y.kind === 'temp') [x, y] = [y, x];
      this.fcopyTo(d!, x, fc);
      this.emit(FALU[op]!, [d!, this.fSrc(y, fc)]);
    } else if (op === 'neg') {
      this.fcopyTo(d!, a, fc);
      this.emit('xorps', [d!, this.signMask(fc)]);
    } else if (op === 'copy') {
      this.fcopyTo(d!, a, fc);
    } else if (FCMP[op] && opInfo(op).compare) {
      const t = this.fcompare(i);
      this.materialise(d!, t);
    } else if (op === 'exts' || op === 'truncd') {
      this.emit('cvtf2f', [d!, this.fSrc(a, op === 'exts' ? 's' : 'd')]);
    } else if (op === 'swtof' || op === 'sltof') {
      this.emit('cvtsi2f', [d!, this.inReg(a, op === 'swtof' ? 4 : 8)]);
    } else if (op === 'uwtof') {
      // A u32 zero-extended to 64 bits converts exactly with the signed 64-bit form.
      const t = this.newVreg(4);
      this.emit('mov32z', [t, this.inReg(a, 4)]);
      this.emit('cvtsi2f', [d!, { ...t, w: 8 }]);
    } else if (op === 'ultof') {
      this.ultof(d!, a, fc);
    } else if (op === 'stosi' || op === 'dtosi') {
      this.emit('cvttf2si', [d!, this.fSrc(a, op === 'stosi' ? 's' : 'd')]);
    } else if (op === 'cast') {
      if (a.kind === 'const') {
        // A bit cast of a constant is a constant.
        if (isFloatCls(c)) this.fcopyTo(d!, fconstBits(a.value, fc), fc);
        else this.copyTo(d!, { kind: 'const', value: BigInt.asIntN(c === 'w' ? 32 : 64, a.value) }, c);
      } else if (isFloatCls(c)) {
        this.emit('movgx', [d!, this.inReg(a, W(c))]);
      } else {
        this.emit('movxg', [d!, this.fInReg(a, c === 'w' ? 's' : 'd')]);
      }
    } else if (FLOAD[op]) {
      this.emit('fmov', [d!, this.addr(a, W(c))]);
    } else if (FSTORE[op]) {
      const m = this.addr(b, W(c));
      // A constant is stored as its bit pattern from a general register or immediate.
      if (a.kind === 'const') this.emit('mov', [m, this.src({ kind: 'const', value: BigInt.asIntN(W(c) * 8, a.value) }, W(c))]);
      else this.emit('fmov', [m, this.fInReg(a, fc)]);
    } else {
      throw new Error(`isel: no selection for float op '${op}' (class ${c})`);
    }
  }

  /**
   * u64 → float: values below 2^63 convert directly; larger ones are halved
   * with the lost bit kept sticky (v>>1 | v&1), converted and doubled, which
   * rounds exactly as a direct conversion would. Both are computed and the
   * sign of v selects one (cmovs), so no branch is needed.
   */
  private ultof(d: RegOp, a: Value, c: FloatCls): void {
    const w = W(c);
    const v = this.inReg(a, 8);
    const half = this.newVreg(8);
    const low = this.newVreg(8);
    this.emit('mov', [half, v]);
    this.emit('shr', [half, { k: 'imm', v: 1n }]);
    this.emit('mov', [low, v]);
    this.emit('and', [low, { k: 'imm', v: 1n }]);
    this.emit('or', [half, low]);
    const big = this.newXVreg(w);
    this.emit('cvtsi2f', [big, half]);
    this.emit('fadd', [big, big]);
    const small = this.newXVreg(w);
    this.emit('cvtsi2f', [small, v]);
    const gBig = this.newVreg(w);
    const gSmall = this.newVreg(w);
    this.emit('movxg', [gBig, big]);
    this.emit('movxg', [gSmall, small]);
    this.emit('test', [v, v]);
    this.emit('cmov', [gSmall, gBig], { cc: 's' });
    this.emit('movgx', [d, gSmall]);
  }

  /** d (a w register) = the 0/1 result of a test. */
  materialise(d: RegOp, t: Test): void {
    this.emit('setcc', [{ ...d, w: 1 }], { cc: t.cc });
    if (t.parity) {
      const p = this.newVreg(1);
      this.emit('setcc', [p], { cc: t.parity === 'and-np' ? 'np' : 'p' });
      this.emit(t.parity === 'and-np' ? 'and' : 'or', [{ ...d, w: 1 }, p]);
    }
    this.emit('movzx', [{ ...d, w: 4 }, { ...d, w: 1 }]);
  }

  /** Emits the compare for an integer comparison instruction; returns the condition that is true. */
  compare(i: Instr): Cond {
    let cc = CMP[i.op]!;
    const w = W(i.argCls ?? 'l');
    let [a, b] = i.args;
    if (a.kind !== 'temp' && b.kind === 'temp') {
      [a, b] = [b, a];
      cc = SWAP_COND[cc]!;
    }
    const ra = this.inReg(a, w);
    const sb = this.src(b, w);
    if (sb.k === 'imm' && sb.v === 0n && (cc === 'e' || cc === 'ne')) this.emit('test', [ra, ra]);
    else this.emit('cmp', [ra, sb]);
    return cc;
  }

  // ---- instructions ----

  instr(i: Instr, fused: Instr | null): void {
    this.loc = i.loc ?? this.loc;
    if (i === fused) return; // emitted with the branch
    if (isFloatInstr(i)) {
      this.floatInstr(i);
      return;
    }
    const op = i.op;
    const d = i.dst ? this.tempReg(i.dst.id, i.cls) : null;
    const w = W(i.cls);
    const [a, b] = i.args;
    if (ALU[op]) {
      let [x, y] = [a, b];
      if (x.kind === 'const' && y.kind === 'temp' && op !== 'sub') [x, y] = [y, x];
      const sy = this.src(y, w);
      // x + imm and x - imm into a different register: one lea instead of mov + add.
      const disp = sy.k === 'imm' ? (op === 'add' ? sy.v : op === 'sub' ? -sy.v : null) : null;
      if (disp !== null && x.kind === 'temp' && fitsImm32(disp)) {
        this.emit('lea', [d!, { k: 'mem', w: 8, base: this.tempReg(x.id, 8).r, disp: Number(disp) }]);
        return;
      }
      if (op === 'mul' && sy.k === 'imm') {
        this.emit('imul3', [d!, this.inReg(x, w), sy]);
        return;
      }
      this.copyTo(d!, x, i.cls);
      this.emit(ALU[op]!, [d!, sy]);
    } else if (SHIFT[op]) {
      if (b.kind === 'const') {
        this.copyTo(d!, a, i.cls);
        this.emit(SHIFT[op]!, [d!, { k: 'imm', v: b.value & BigInt(w * 8 - 1) }]);
      } else {
        this.emit('mov', [reg(RCX, 4), this.src(b, 4)]);
        this.copyTo(d!, a, i.cls);
        this.emit(SHIFT[op]!, [d!, reg(RCX, 1)]);
      }
    } else if (UNARY[op]) {
      this.copyTo(d!, a, i.cls);
      this.emit(UNARY[op]!, [d!]);
    } else if (op === 'copy') {
      this.copyTo(d!, a, i.cls);
    } else if (DIV[op]) {
      const { signed, result } = DIV[op]!;
      this.emit('mov', [reg(RAX, w), this.src(a, w)]);
      const divisor = this.inReg(b, w);
      if (signed) this.emit(w === 8 ? 'cqo' : 'cdq', []);
      else this.emit('zero', [reg(RDX, 4)]);
      this.emit(signed ? 'idiv' : 'div', [divisor]);
      this.emit('mov', [{ ...d!, w: 8 }, reg(result, 8)]);
    } else if (CMP[op]) {
      const cc = this.compare(i);
      this.emit('setcc', [{ ...d!, w: 1 }], { cc });
      this.emit('movzx', [{ ...d!, w: 4 }, { ...d!, w: 1 }]);
    } else if (EXT[op]) {
      const e = EXT[op]!;
      const s = this.inReg(a, e.w);
      if (e.w === 4 && i.cls === 'w') this.emit('mov', [{ ...d!, w: 8 }, { ...s, w: 8 }]);
      else if (e.w === 4) this.emit(e.signed ? 'movsxd' : 'mov32z', [e.signed ? d! : { ...d!, w: 4 }, s]);
      else this.emit(e.signed ? 'movsx' : 'movzx', [e.signed ? d! : { ...d!, w: 4 }, s]);
    } else if (op === 'trunc') {
      // The result is w: its upper half is never read, so a plain (removable) copy does.
      this.emit('mov', [{ ...d!, w: 4 }, this.inReg(a, 4)]);
    } else if (LOAD[op]) {
      const ld = LOAD[op]!;
      const m = this.addr(a, ld.w === 8 && i.cls === 'w' ? 4 : ld.w);
      if (m.w === 8) this.emit('mov', [d!, m]);
      else if (m.w === 4) this.emit(ld.ext === 'sx' && i.cls === 'l' ? 'movsxd' : 'mov32z', ld.ext === 'sx' && i.cls === 'l' ? [d!, m] : [{ ...d!, w: 4 }, m]);
      else this.emit(ld.ext === 'sx' ? 'movsx' : 'movzx', [ld.ext === 'sx' ? d! : { ...d!, w: 4 }, m]);
    } else if (STORE[op]) {
      const sw = STORE[op]!;
      const v = this.src(a, sw);
      this.emit('mov', [this.addr(b, sw), v]);
    } else if (op === 'alloc') {
      const size = Number((a as { value: bigint }).value);
      const align = Number((b as { value: bigint }).value);
      if (align > 16) throw new Error(`$${this.f.name}: alloc alignment ${align} is more than the 16 the frame guarantees`);
      this.slotOf.set(i.dst!.id, this.mf.slots.length);
      this.mf.slots.push({ size: Math.max(size, 1), align: Math.max(align, 1) });
      if (!this.addrOnly.has(i.dst!.id)) this.emit('lea', [d!, { k: 'mem', w: 8, slot: this.slotOf.get(i.dst!.id)!, disp: 0 }]);
    } else if (op === 'call') {
      this.call(i);
    } else if (op === 'syscall') {
      const regs = [RAX, ...SYSCALL_REGS];
      i.args.forEach((v, k) => this.argMove(regs[k], v, true));
      this.emit('syscall', [], { uses: regs.slice(0, i.args.length) });
      if (d) this.emit('mov', [{ ...d, w: 8 }, reg(RAX, 8)]);
    } else if (PORT_OUT[op]) {
      const pw = PORT_OUT[op]!;
      const port = this.port(a);
      this.emit('mov', [reg(RAX, 4), this.src(b, 4)]);
      this.emit('out', [port, reg(RAX, pw)]);
    } else if (PORT_IN[op]) {
      const pw = PORT_IN[op]!;
      const port = this.port(a);
      this.emit('in', [reg(RAX, pw), port]);
      this.emit(pw === 4 ? 'mov' : 'movzx', [{ ...d!, w: 4 }, reg(RAX, pw)]);
    } else if (PLAIN[op]) {
      this.emit(PLAIN[op]!, []);
    } else {
      throw new Error(`isel: no selection for op '${op}'`);
    }
  }

  /** A port operand: an imm8 when constant and < 256, else dx. */
  private port(v: Value): Operand {
    if (v.kind === 'const' && v.value >= 0n && v.value < 256n) return { k: 'imm', v: v.value };
    this.emit('mov', [reg(RDX, 4), this.src(v, 4)]);
    return reg(RDX, 2);
  }

  /** Moves an argument into a fixed register (w temps are zero-extended for syscalls). */
  private argMove(r: number, v: Value, zeroExtend: boolean): void {
    if (v.kind === 'temp' && v.cls === 'w' && zeroExtend) this.emit('mov32z', [reg(r, 4), this.tempReg(v.id, 4)]);
    else if (v.kind === 'temp') this.emit('mov', [reg(r, 8), this.tempReg(v.id, 8)]);
    else if (v.kind === 'sym') this.emit('lea', [reg(r, 8), { k: 'mem', w: 8, sym: v.name, disp: 0 }]);
    else this.emit('mov', [reg(r, 8), { k: 'imm', v: v.value }]);
  }

  private call(i: Instr): void {
    const { ints, floats, stack } = classifyArgs(i.args, floatClsOf);
    const pad = stack.length % 2 === 1 ? 8 : 0;
    if (pad) this.emit('subrsp', [], { n: pad });
    for (const v of [...stack].reverse()) {
      const fc = floatClsOf(v);
      if (fc && v.kind === 'temp') {
        this.emit('subrsp', [], { n: 8 });
        this.emit('fmov', [{ k: 'mem', w: W(fc), base: RSP, disp: 0 }, this.tempReg(v.id, fc)]);
      } else if (fc) {
        // A float constant goes on the stack as its bit pattern.
        this.emit('push', [this.src({ kind: 'const', value: BigInt.asIntN(64, v.kind === 'const' ? v.value : 0n) }, 8)]);
      } else {
        this.emit('push', [this.src(v, 8)]);
      }
    }
    ints.forEach((v, k) => this.argMove(ARG_REGS[k], v, false));
    floats.forEach((v, k) => {
      const fc = floatClsOf(v)!;
      this.fcopyTo(reg(FLOAT_ARG_REGS[k], W(fc)), v, fc);
    });
    const callee = i.callee!;
    const target: Operand = callee.kind === 'sym' ? { k: 'sym', name: callee.name } : this.inReg(callee, 8);
    this.emit('call', [target], { uses: [...ARG_REGS.slice(0, ints.length), ...FLOAT_ARG_REGS.slice(0, floats.length)] });
    if (stack.length) this.emit('addrsp', [], { n: stack.length * 8 + pad });
    if (i.dst && isFloatCls(i.cls)) this.emit('fmov', [this.tempReg(i.dst.id, i.cls), reg(XMM0, W(i.cls))]);
    else if (i.dst) this.emit('mov', [this.tempReg(i.dst.id, 8), reg(RAX, 8)]);
  }

  // ---- blocks and terminators ----

  private fusable(b: Block): Instr | null {
    const t = b.term;
    if (t.kind !== 'jnz' || t.cond.kind !== 'temp') return null;
    const id = t.cond.id;
    const def = b.instrs.find((i) => i.dst?.id === id);
    if (!def || !opInfo(def.op).compare || this.useCount.get(id) !== 1) return null;
    return def;
  }

  block(b: Block): MInst[] {
    this.out = [];
    const fused = this.fusable(b);
    for (const i of b.instrs) this.instr(i, fused);
    const t = b.term;
    if (t.kind === 'jmp') {
      this.emit('jmp', [], { target: t.target.id });
    } else if (t.kind === 'jnz') {
      if (t.ifTrue === t.ifFalse || t.cond.kind !== 'temp') {
        const taken = t.ifTrue === t.ifFalse || (t.cond.kind === 'const' ? t.cond.value !== 0n : true);
        this.emit('jmp', [], { target: (taken ? t.ifTrue : t.ifFalse).id });
      } else {
        let test: Test = { cc: 'ne' };
        if (fused) {
          this.loc = fused.loc ?? this.loc;
          test = this.test(fused);
        } else {
          const c = this.tempReg(t.cond.id, 4);
          this.emit('test', [c, c]);
        }
        // Float ==: unordered (PF) goes to false; float !=: unordered goes to true.
        if (test.parity) this.emit('jcc', [], { cc: 'p', target: (test.parity === 'and-np' ? t.ifFalse : t.ifTrue).id });
        this.emit('jcc', [], { cc: test.cc, target: t.ifTrue.id });
        this.emit('jmp', [], { target: t.ifFalse.id });
      }
    } else if (t.kind === 'ret') {
      const fc = this.f.ret && isFloatCls(this.f.ret) ? this.f.ret : null;
      if (t.value && fc) this.fcopyTo(reg(XMM0, W(fc)), t.value, fc);
      else if (t.value) this.argMove(RAX, t.value, false);
      this.emit('ret', [], { uses: t.value ? [fc ? XMM0 : RAX] : [] });
    } else {
      this.emit('ud2', []);
    }
    return this.out;
  }

  /** The entry block: parameters from registers and the caller's stack, then a jump to the body. */
  params(entryId: number, entryTarget: number): MBlock {
    this.out = [];
    this.loc = this.f.loc;
    const cls = (v: Value): FloatCls | null => (v.kind === 'temp' && isFloatCls(v.cls) ? v.cls : null);
    const { ints, floats, stack } = classifyArgs(this.f.params, cls);
    ints.forEach((p, k) => this.emit('mov', [this.tempReg(p.id, 8), reg(ARG_REGS[k], 8)]));
    floats.forEach((p, k) => this.emit('fmov', [this.tempReg(p.id, p.cls), reg(FLOAT_ARG_REGS[k], W(p.cls))]));
    stack.forEach((p, k) => {
      const w = W(p.cls);
      const m: MemOp = { k: 'mem', w: cls(p) ? w : 8, base: RBP, disp: 16 + 8 * k };
      this.emit(cls(p) ? 'fmov' : 'mov', [this.tempReg(p.id, cls(p) ? w : 8), m]);
    });
    this.emit('jmp', [], { target: entryTarget });
    return { id: entryId, label: 'params', insts: this.out, depth: 0 };
  }
}

/**
 * SysV argument classification: the first six integer arguments go in
 * registers, the first eight float ones in xmm0–xmm7; the rest go on the
 * stack in argument order (8 bytes each).
 */
export function classifyArgs<T extends Value>(args: T[], floatCls: (v: T) => FloatCls | null): { ints: T[]; floats: T[]; stack: T[] } {
  const ints: T[] = [];
  const floats: T[] = [];
  const stack: T[] = [];
  for (const v of args) {
    if (floatCls(v)) (floats.length < FLOAT_ARG_REGS.length ? floats : stack).push(v);
    else (ints.length < ARG_REGS.length ? ints : stack).push(v);
  }
  return { ints, floats, stack };
}

/** Loop depth per block, estimated from back edges (jumps to an earlier block in layout order). */
function loopDepths(order: Block[]): Map<Block, number> {
  const index = new Map(order.map((b, k) => [b, k]));
  const depth = new Map(order.map((b) => [b, 0]));
  for (const b of order) {
    const t = b.term;
    const succ = t.kind === 'jmp' ? [t.target] : t.kind === 'jnz' ? [t.ifTrue, t.ifFalse] : [];
    for (const s of succ) {
      const h = index.get(s);
      const p = index.get(b)!;
      if (h !== undefined && h <= p) for (let k = h; k <= p; k++) depth.set(order[k], depth.get(order[k])! + 1);
    }
  }
  return depth;
}

/** Selects instructions for a phi-free function. Blocks keep the IR's order; unreachable ones are dropped. */
export function selectFunc(f: Func): MFunc {
  const sel = new Selector(f);
  const reachable = new Set(reversePostorder(f));
  const order = f.blocks.filter((b) => reachable.has(b));
  const depth = loopDepths(order);
  const entryId = Math.max(f.nextBlock, ...f.blocks.map((b) => b.id + 1));
  sel.mf.blocks.push(sel.params(entryId, order[0].id));
  for (const b of order) {
    sel.mf.blocks.push({ id: b.id, label: b.label, insts: sel.block(b), depth: depth.get(b)! });
  }
  return sel.mf;
}
