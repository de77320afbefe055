// Instruction selection for the machine intrinsics (ir/machine.ts): one row
// per intrinsic, each a short instruction sequence over fixed registers.
// The table is a complete Record over MachineOp, so an intrinsic added to
// ir/machine.ts without a selection here is a type error.
import type { Instr, Value } from '../ir/ir.js';
import type { MachineOp } from '../ir/machine.js';
import { isMachineOp } from '../ir/machine.js';
import { RAX, RBX, RCX, RDI, RDX, RSI, reg } from './minst.js';
import type { MOp, MemOp, Operand, Width } from './minst.js';
import type { Selector } from './isel-core.js';
import { argMove } from './isel-call.js';

type Select = (s: Selector, i: Instr) => void;

/** A port operand: an imm8 when constant and < 256, else dx. */
function port(s: Selector, v: Value): Operand {
  if (v.kind === 'const' && v.value >= 0n && v.value < 256n) return { k: 'imm', v: v.value };
  s.emit('mov', [reg(RDX, 4), s.src(v, 4)]);
  return reg(RDX, 2);
}

const out = (w: Width): Select => (s, i) => {
  const p = port(s, i.args[0]);
  s.emit('mov', [reg(RAX, 4), s.src(i.args[1], 4)]);
  s.emit('out', [p, reg(RAX, w)]);
};

const inp = (w: Width): Select => (s, i) => {
  const p = port(s, i.args[0]);
  s.emit('in', [reg(RAX, w), p]);
  s.emit(w === 4 ? 'mov' : 'movzx', [{ ...s.tempReg(i.dst!.id, 4) }, reg(RAX, w)]);
};

/** rep ins/outs: port in dx, memory in rdi (ins) or rsi (outs), count in rcx. */
const rep = (op: MOp, mem: number): Select => (s, i) => {
  argMove(s, RDX, i.args[0], true);
  argMove(s, mem, i.args[1], false);
  argMove(s, RCX, i.args[2], false);
  s.emit(op, []);
};

const plain = (op: MOp): Select => (s) => s.emit(op, []);

const readCr = (n: number): Select => (s, i) => s.emit('rdcr', [s.tempReg(i.dst!.id, 8), { k: 'imm', v: BigInt(n) }]);
const writeCr = (n: number): Select => (s, i) => s.emit('wrcr', [{ k: 'imm', v: BigInt(n) }, s.inReg(i.args[0], 8)]);

/** dst = rdx:rax (after rdtsc and rdmsr, which zero both upper halves). */
function combineEdxEax(s: Selector, i: Instr): void {
  const hi = s.newVreg(8);
  s.emit('mov', [hi, reg(RDX, 8)]);
  s.emit('shl', [hi, { k: 'imm', v: 32n }]);
  const d = s.tempReg(i.dst!.id, 8);
  s.emit('mov', [d, reg(RAX, 8)]);
  s.emit('or', [d, hi]);
}

/** lgdt/lidt from base and limit: the 10-byte pseudo-descriptor is built in a frame slot. */
const loadTable = (op: 'lgdt' | 'lidt'): Select => (s, i) => {
  const slot = s.mf.slots.length;
  s.mf.slots.push({ size: 16, align: 16 });
  const at = (w: Width, disp: number): MemOp => ({ k: 'mem', w, slot, disp });
  s.emit('mov', [at(2, 0), s.src(i.args[1], 2)]);
  s.emit('mov', [at(8, 2), s.src(i.args[0], 8)]);
  s.emit(op, [at(8, 0)]);
};

const MACHINE_SEL: Record<MachineOp, Select> = {
  outb: out(1), outw: out(2), outl: out(4),
  inb: inp(1), inw: inp(2), inl: inp(4),
  insb: rep('rep_insb', RDI), insw: rep('rep_insw', RDI), insl: rep('rep_insd', RDI),
  outsb: rep('rep_outsb', RSI), outsw: rep('rep_outsw', RSI), outsl: rep('rep_outsd', RSI),
  readCr0: readCr(0), readCr2: readCr(2), readCr3: readCr(3), readCr4: readCr(4),
  writeCr0: writeCr(0), writeCr2: writeCr(2), writeCr3: writeCr(3), writeCr4: writeCr(4),
  rdmsr: (s, i) => {
    argMove(s, RCX, i.args[0], true);
    s.emit('rdmsr', []);
    combineEdxEax(s, i);
  },
  wrmsr: (s, i) => {
    argMove(s, RCX, i.args[0], true);
    const v = s.inReg(i.args[1], 8);
    const hi = s.newVreg(8);
    s.emit('mov', [hi, v]);
    s.emit('shr', [hi, { k: 'imm', v: 32n }]);
    s.emit('mov', [reg(RAX, 8), v]);
    s.emit('mov', [reg(RDX, 8), hi]);
    s.emit('wrmsr', []);
  },
  readFlags: (s, i) => {
    s.emit('pushfq', []);
    s.emit('pop', [s.tempReg(i.dst!.id, 8)]);
  },
  writeFlags: (s, i) => {
    s.emit('push', [s.src(i.args[0], 8)]);
    s.emit('popfq', []);
  },
  cli: plain('cli'), sti: plain('sti'), hlt: plain('hlt'),
  lgdt: loadTable('lgdt'), lidt: loadTable('lidt'),
  ltr: (s, i) => s.emit('ltr', [s.inReg(i.args[0], 2)]),
  invlpg: (s, i) => s.emit('invlpg', [s.addr(i.args[0], 1)]),
  swapgs: plain('swapgs'), stac: plain('stac'), clac: plain('clac'),
  pause: plain('pause'), int3: plain('int3'), ud2: plain('ud2'),
  rdtsc: (s, i) => {
    s.emit('rdtsc', []);
    combineEdxEax(s, i);
  },
  cpuid: (s, i) => {
    // Leaf in eax, subleaf in ecx; the four results are stored at out+0, 4, 8, 12.
    argMove(s, RAX, i.args[0], true);
    argMove(s, RCX, i.args[1], true);
    const dst = s.inReg(i.args[2], 8);
    s.emit('cpuid', []);
    const vals = [RAX, RBX, RCX, RDX].map((r) => {
      const v = s.newVreg(4);
      s.emit('mov', [{ ...v, w: 8 }, reg(r, 8)]);
      return v;
    });
    vals.forEach((v, n) => s.emit('mov', [{ k: 'mem', w: 4, base: dst.r, disp: 4 * n }, v]));
  },
  mfence: plain('mfence'), lfence: plain('lfence'), sfence: plain('sfence'),
  // Nothing to emit: as an effect, no pass moves memory accesses across it.
  compilerFence: () => {},
};

/** Selects a machine intrinsic; returns false when the op is not one. */
export function selectMachineInstr(s: Selector, i: Instr): boolean {
  if (!isMachineOp(i.op)) return false;
  MACHINE_SEL[i.op](s, i);
  return true;
}
