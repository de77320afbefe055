// Instruction selection: IR (after outssa, so without phis) → machine IR
// over virtual registers. IR temp N becomes vreg FIRST_VREG+N. Constants
// become immediates when they fit a sign-extended imm32 (else a mov into a
// register), symbol addresses `lea r, [rel sym]`, alloc slots frame slots.
// A comparison whose only use is the jnz ending its block is fused into
// cmp + jcc; otherwise it is materialised with setcc + movzx. Fixed
// registers (arguments, rax/rdx for division, cl for shifts) appear as
// physical operands, so the allocator sees them as constraints.
import { reversePostorder, instrUses, termUses } from '../ir/ir.js';
import type { Block, Cls, Func, Instr, SourceLoc, Value } from '../ir/ir.js';
import type { Op } from '../ir/ops.js';
import {
  ARG_REGS, FIRST_VREG, RAX, RBP, RCX, RDX, SYSCALL_REGS, fitsImm32, reg,
} from './minst.js';
import type { Cond, MBlock, MFunc, MInst, MOp, MemOp, Operand, RegOp, Width } from './minst.js';
import { SWAP_COND } from './minst.js';

const W = (c: Cls): Width => (c === 'w' ? 4 : 8);

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
    this.mf = { name: f.name, blocks: [], nextVreg: FIRST_VREG + f.nextTemp, slots: [], loc: f.loc };
    this.countUses();
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
        const addrPos = LOAD[i.op] ? 0 : STORE[i.op] ? 1 : -1;
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

  /** Emits the compare for a comparison instruction; returns the condition that is true. */
  compare(i: Instr): Cond {
    let cc = CMP[i.op]!;
    const w = W(i.argCls ?? 'l');
    let [a, b] = i.args;
    if (a.kind !== 'temp' && b.kind === 'temp') {
      [a, b] = [b, a];
      cc = SWAP_COND[cc];
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
    const stackArgs = i.args.slice(ARG_REGS.length);
    const pad = stackArgs.length % 2 === 1 ? 8 : 0;
    if (pad) this.emit('subrsp', [], { n: pad });
    for (const v of [...stackArgs].reverse()) this.emit('push', [this.src(v, 8)]);
    const regArgs = i.args.slice(0, ARG_REGS.length);
    // Materialise constants and symbols before the fixed moves so those stay plain movs.
    regArgs.forEach((v, k) => this.argMove(ARG_REGS[k], v, false));
    const callee = i.callee!;
    const target: Operand = callee.kind === 'sym' ? { k: 'sym', name: callee.name } : this.inReg(callee, 8);
    this.emit('call', [target], { uses: ARG_REGS.slice(0, regArgs.length) });
    if (stackArgs.length) this.emit('addrsp', [], { n: stackArgs.length * 8 + pad });
    if (i.dst) this.emit('mov', [this.tempReg(i.dst.id, 8), reg(RAX, 8)]);
  }

  // ---- blocks and terminators ----

  private fusable(b: Block): Instr | null {
    const t = b.term;
    if (t.kind !== 'jnz' || t.cond.kind !== 'temp') return null;
    const id = t.cond.id;
    const def = b.instrs.find((i) => i.dst?.id === id);
    if (!def || !CMP[def.op] || this.useCount.get(id) !== 1) return null;
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
        let cc: Cond = 'ne';
        if (fused) {
          this.loc = fused.loc ?? this.loc;
          cc = this.compare(fused);
        } else {
          const c = this.tempReg(t.cond.id, 4);
          this.emit('test', [c, c]);
        }
        this.emit('jcc', [], { cc, target: t.ifTrue.id });
        this.emit('jmp', [], { target: t.ifFalse.id });
      }
    } else if (t.kind === 'ret') {
      if (t.value) this.argMove(RAX, t.value, false);
      this.emit('ret', [], { uses: t.value ? [RAX] : [] });
    } else {
      this.emit('ud2', []);
    }
    return this.out;
  }

  /** The entry block: parameters from registers and the caller's stack, then a jump to the body. */
  params(entryId: number, entryTarget: number): MBlock {
    this.out = [];
    this.loc = this.f.loc;
    this.f.params.forEach((p, k) => {
      const d = this.tempReg(p.id, 8);
      if (k < ARG_REGS.length) this.emit('mov', [d, reg(ARG_REGS[k], 8)]);
      else this.emit('mov', [d, { k: 'mem', w: 8, base: RBP, disp: 16 + 8 * (k - ARG_REGS.length) }]);
    });
    this.emit('jmp', [], { target: entryTarget });
    return { id: entryId, label: 'params', insts: this.out, depth: 0 };
  }
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
