// The IDT: 256 interrupt gates. Vectors 0–31 (CPU exceptions) each have an
// @interrupt handler of their own (exceptions.ts); vectors 32–255 enter
// through one 16-byte trampoline each (vectors.ts) that pushes the vector
// and jumps to one dispatcher. Every gate is an interrupt gate (IF cleared
// on entry) for ring 0; #DF, NMI and #MC switch to their IST stacks.
import { KERNEL_CODE } from '../cpu/gdt';
import { IST_DOUBLE_FAULT, IST_MACHINE_CHECK, IST_NMI } from '../cpu/tss';
import { exceptionEntry } from './exceptions';
import { vectorEntry } from './vectors';

/** A 64-bit gate descriptor. @packed */
class IdtGate {
  offsetLow: u16 = 0;
  selector: u16 = 0;
  ist: u8 = 0;
  flags: u8 = 0;
  offsetMid: u16 = 0;
  offsetHigh: u32 = 0;
  reserved: u32 = 0;
}

export const VECTORS: usize = 256;
const GATE_BYTES: usize = 16;
const INTERRUPT_GATE: u8 = 0x8e; // present, DPL 0, 64-bit interrupt gate
const idt: usize = memory.data(4096);

/** Points gate `vector` at `handler`, switching to IST stack `ist` (0: none). */
export function idtSetGate(vector: usize, handler: u64, ist: u8): void {
  const g = changetype<IdtGate>(idt + vector * GATE_BYTES);
  g.offsetLow = u16(handler & 0xffff);
  g.selector = KERNEL_CODE;
  g.ist = ist;
  g.flags = INTERRUPT_GATE;
  g.offsetMid = u16((handler >> 16) & 0xffff);
  g.offsetHigh = u32(handler >> 32);
  g.reserved = 0;
}

/** The IST stack of exception `vector`. */
function istOf(vector: usize): u8 {
  if (vector == 8) return IST_DOUBLE_FAULT;
  if (vector == 2) return IST_NMI;
  if (vector == 18) return IST_MACHINE_CHECK;
  return 0;
}

/** Fills all 256 gates and loads the IDT register. */
export function idtInit(): void {
  for (let v: usize = 0; v < 32; v++) idtSetGate(v, exceptionEntry(v), istOf(v));
  for (let v: usize = 32; v < VECTORS; v++) idtSetGate(v, vectorEntry(v), 0);
  lidt(idt, u16(VECTORS * GATE_BYTES - 1));
}

/** The handler address gate `vector` holds (for tests). */
export function idtGateTarget(vector: usize): u64 {
  const g = changetype<IdtGate>(idt + vector * GATE_BYTES);
  return u64(g.offsetLow) | (u64(g.offsetMid) << 16) | (u64(g.offsetHigh) << 32);
}
