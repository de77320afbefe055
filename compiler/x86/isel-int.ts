// Instruction selection for integer instructions (classes w and l):
// arithmetic in two-address form (or one lea for x ± imm, imul3 for x * imm),
// shifts by cl or an immediate, division through rax/rdx, comparisons
// (cmp/test + setcc), extensions, loads and stores of every width, stack
// slots (alloc). Calls and syscalls are in isel-call.ts, machine
// intrinsics (port I/O, system instructions) in isel-machine.ts.
import type { Instr, Value } from '../ir/ir.js';
import type { Op } from '../ir/ops.js';
import { RAX, RBP, RCX, RDX, fitsImm32, reg, SWAP_COND } from './minst.js';
import type { Cond, MOp, Operand, Width } from './minst.js';
import { W } from './isel-core.js';
import type { Selector } from './isel-core.js';
import { selectDivByConst } from './isel-divconst.js';

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
export const LOAD: Partial<Record<Op, { w: Width; ext: 'sx' | 'zx' }>> = {
  loadsb: { w: 1, ext: 'sx' }, loadub: { w: 1, ext: 'zx' }, loadsh: { w: 2, ext: 'sx' }, loaduh: { w: 2, ext: 'zx' },
  loadsw: { w: 4, ext: 'sx' }, loaduw: { w: 4, ext: 'zx' }, loadl: { w: 8, ext: 'zx' },
};
export const STORE: Partial<Record<Op, Width>> = { storeb: 1, storeh: 2, storew: 4, storel: 8 };
/** Extensions: source width and signedness. */
const EXT: Partial<Record<Op, { w: Width; signed: boolean }>> = {
  extsb: { w: 1, signed: true }, extub: { w: 1, signed: false }, extsh: { w: 2, signed: true },
  extuh: { w: 2, signed: false }, extsw: { w: 4, signed: true }, extuw: { w: 4, signed: false },
};

/** Emits the compare for an integer comparison instruction; returns the condition that is true. */
export function compare(s: Selector, i: Instr): Cond {
  let cc = CMP[i.op]!;
  const w = W(i.argCls ?? 'l');
  let [a, b] = i.args;
  if (a.kind !== 'temp' && b.kind === 'temp') {
    [a, b] = [b, a];
    cc = SWAP_COND[cc]!;
  }
  const ra = s.inReg(a, w);
  const sb = s.src(b, w);
  if (sb.k === 'imm' && sb.v === 0n && (cc === 'e' || cc === 'ne')) s.emit('test', [ra, ra]);
  else s.emit('cmp', [ra, sb]);
  return cc;
}

/** Selects an integer instruction; returns false when the op is not one of them. */
export function selectIntInstr(s: Selector, i: Instr): boolean {
  const op = i.op;
  const d = i.dst ? s.tempReg(i.dst.id, i.cls) : null;
  const w = W(i.cls);
  const [a, b] = i.args;
  if (ALU[op]) {
    let [x, y] = [a, b];
    if (x.kind === 'const' && y.kind === 'temp' && op !== 'sub') [x, y] = [y, x];
    const sy = s.src(y, w);
    // x + imm and x - imm into a different register: one lea instead of mov + add.
    const disp = sy.k === 'imm' ? (op === 'add' ? sy.v : op === 'sub' ? -sy.v : null) : null;
    if (disp !== null && x.kind === 'temp' && fitsImm32(disp)) {
      s.emit('lea', [d!, { k: 'mem', w: 8, base: s.tempReg(x.id, 8).r, disp: Number(disp) }]);
      return true;
    }
    if (op === 'mul' && sy.k === 'imm') {
      s.emit('imul3', [d!, s.inReg(x, w), sy]);
      return true;
    }
    s.copyTo(d!, x, i.cls);
    s.emit(ALU[op]!, [d!, sy]);
  } else if (SHIFT[op]) {
    if (b.kind === 'const') {
      s.copyTo(d!, a, i.cls);
      s.emit(SHIFT[op]!, [d!, { k: 'imm', v: b.value & BigInt(w * 8 - 1) }]);
    } else {
      s.emit('mov', [reg(RCX, 4), s.src(b, 4)]);
      s.copyTo(d!, a, i.cls);
      s.emit(SHIFT[op]!, [d!, reg(RCX, 1)]);
    }
  } else if (UNARY[op]) {
    s.copyTo(d!, a, i.cls);
    s.emit(UNARY[op]!, [d!]);
  } else if (op === 'copy') {
    s.copyTo(d!, a, i.cls);
  } else if (DIV[op] && selectDivByConst(s, i)) {
    return true;
  } else if (DIV[op]) {
    const { signed, result } = DIV[op]!;
    s.emit('mov', [reg(RAX, w), s.src(a, w)]);
    const divisor = s.inReg(b, w);
    if (signed) s.emit(w === 8 ? 'cqo' : 'cdq', []);
    else s.emit('zero', [reg(RDX, 4)]);
    s.emit(signed ? 'idiv' : 'div', [divisor]);
    s.emit('mov', [{ ...d!, w: 8 }, reg(result, 8)]);
  } else if (CMP[op]) {
    const cc = compare(s, i);
    s.emit('setcc', [{ ...d!, w: 1 }], { cc });
    s.emit('movzx', [{ ...d!, w: 4 }, { ...d!, w: 1 }]);
  } else if (EXT[op]) {
    const e = EXT[op]!;
    const r = s.inReg(a, e.w);
    if (e.w === 4 && i.cls === 'w') s.emit('mov', [{ ...d!, w: 8 }, { ...r, w: 8 }]);
    else if (e.w === 4) s.emit(e.signed ? 'movsxd' : 'mov32z', [e.signed ? d! : { ...d!, w: 4 }, r]);
    else s.emit(e.signed ? 'movsx' : 'movzx', [e.signed ? d! : { ...d!, w: 4 }, r]);
  } else if (op === 'trunc') {
    // The result is w: its upper half is never read, so a plain (removable) copy does.
    s.emit('mov', [{ ...d!, w: 4 }, s.inReg(a, 4)]);
  } else if (LOAD[op]) {
    const ld = LOAD[op]!;
    const m = s.addr(a, ld.w === 8 && i.cls === 'w' ? 4 : ld.w);
    if (m.w === 8) s.emit('mov', [d!, m]);
    else if (m.w === 4) s.emit(ld.ext === 'sx' && i.cls === 'l' ? 'movsxd' : 'mov32z', ld.ext === 'sx' && i.cls === 'l' ? [d!, m] : [{ ...d!, w: 4 }, m]);
    else s.emit(ld.ext === 'sx' ? 'movsx' : 'movzx', [ld.ext === 'sx' ? d! : { ...d!, w: 4 }, m]);
  } else if (STORE[op]) {
    const sw = STORE[op]!;
    const v = s.src(a, sw);
    s.emit('mov', [s.addr(b, sw), v]);
  } else if (op === 'alloc') {
    const size = Number((a as { value: bigint }).value);
    const align = Number((b as { value: bigint }).value);
    if (align > 16) throw new Error(`$${s.f.name}: alloc alignment ${align} is more than the 16 the frame guarantees`);
    s.slotOf.set(i.dst!.id, s.mf.slots.length);
    s.mf.slots.push({ size: Math.max(size, 1), align: Math.max(align, 1) });
    if (!s.addrOnly.has(i.dst!.id)) s.emit('lea', [d!, { k: 'mem', w: 8, slot: s.slotOf.get(i.dst!.id)!, disp: 0 }]);
  } else if (op === 'frameaddr') {
    s.emit('mov', [d!, reg(RBP, 8)]);
  } else {
    return false;
  }
  return true;
}
