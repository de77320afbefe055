// The IDT: 256 interrupt gates. Vectors 0–31 (CPU exceptions) each have an
// @interrupt handler of their own (exceptions.ts); vectors 32–255 enter
// through one 16-byte trampoline each (vectors.ts) that pushes the vector
// and jumps to one dispatcher. Every gate is an interrupt gate (IF cleared
// on entry) for ring 0 (gate.ts); #DF, NMI and #MC switch to their IST
// stacks.
import { KERNEL_CODE } from '../cpu/gdt';
import { IST_DOUBLE_FAULT, IST_MACHINE_CHECK, IST_NMI } from '../cpu/tss';
import { exceptionEntry } from './exceptions';
import { GATE_BYTES, gateTarget, setGate } from './gate';
import { vectorEntry } from './vectors';

export const VECTORS: usize = 256;
const idt: usize = memory.data(4096);

/** Points gate `vector` at `handler`, switching to IST stack `ist` (0: none). */
export function idtSetGate(vector: usize, handler: u64, ist: u8): void {
  setGate(idt, vector, handler, KERNEL_CODE, ist);
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

/** Loads the IDT register with the one IDT every CPU shares (an AP's start-up). */
export function idtLoad(): void {
  lidt(idt, u16(VECTORS * GATE_BYTES - 1));
}

/** The handler address gate `vector` holds (for tests). */
export function idtGateTarget(vector: usize): u64 {
  return gateTarget(idt, vector);
}
