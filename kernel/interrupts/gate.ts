// One IDT gate: the 16-byte descriptor of a 64-bit interrupt gate and the
// helpers that write and read it in an IDT at any address. It imports
// nothing, so the kernel's IDT (idt.ts) and the small test kernels that
// build an IDT of their own (test/interrupts, test/paging) share it.

/** A 64-bit gate descriptor. @packed */
export class IdtGate {
  offsetLow: u16 = 0;
  selector: u16 = 0;
  ist: u8 = 0;
  flags: u8 = 0;
  offsetMid: u16 = 0;
  offsetHigh: u32 = 0;
  reserved: u32 = 0;
}

/** The size of one gate: an IDT of n gates is n * GATE_BYTES bytes, its limit one less. */
export const GATE_BYTES: usize = 16;
/** Present, DPL 0, 64-bit interrupt gate (IF cleared on entry). */
export const INTERRUPT_GATE: u8 = 0x8e;

/** Makes gate `vector` of the IDT at `idt` an interrupt gate to `handler` in code segment `selector`, on IST stack `ist` (0: none). */
export function setGate(idt: usize, vector: usize, handler: u64, selector: u16, ist: u8): void {
  const g = changetype<IdtGate>(idt + vector * GATE_BYTES);
  g.offsetLow = u16(handler & 0xffff);
  g.selector = selector;
  g.ist = ist;
  g.flags = INTERRUPT_GATE;
  g.offsetMid = u16((handler >> 16) & 0xffff);
  g.offsetHigh = u32(handler >> 32);
  g.reserved = 0;
}

/** The handler address gate `vector` of the IDT at `idt` holds. */
export function gateTarget(idt: usize, vector: usize): u64 {
  const g = changetype<IdtGate>(idt + vector * GATE_BYTES);
  return u64(g.offsetLow) | (u64(g.offsetMid) << 16) | (u64(g.offsetHigh) << 32);
}
