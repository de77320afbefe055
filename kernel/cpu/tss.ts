// The 64-bit task state segment: no task switching in long mode, only the
// stacks the CPU switches to. RSP0 is the stack for interrupts from ring 3
// (the processes issue sets it per process; until then it is a stack of its
// own); IST1..3 give the double fault, NMI and machine check their own
// stacks, so they run even when the kernel stack is gone (a kernel stack
// overflow becomes a #DF on IST1, reported, not a triple fault).
//
// Each stack is STACK_BYTES in .bss with one page below it that is left
// unmapped once paging allows (kernel/cpu/guard.ts): an overflow of one of
// these stacks faults instead of silently writing into its neighbour.
import { guardPageAdd } from './guard';

/** The TSS as the CPU reads it (104 bytes). @packed */
class Tss {
  reserved0: u32 = 0;
  rsp0: u64 = 0;
  rsp1: u64 = 0;
  rsp2: u64 = 0;
  reserved1: u64 = 0;
  ist1: u64 = 0;
  ist2: u64 = 0;
  ist3: u64 = 0;
  ist4: u64 = 0;
  ist5: u64 = 0;
  ist6: u64 = 0;
  ist7: u64 = 0;
  reserved2: u64 = 0;
  reserved3: u16 = 0;
  iopbOffset: u16 = 0;
}

/** IST indexes, as IDT gates name them (idt.ts). */
export const IST_DOUBLE_FAULT: u8 = 1;
export const IST_NMI: u8 = 2;
export const IST_MACHINE_CHECK: u8 = 3;

export const TSS_BYTES: usize = 104;
/** The descriptor's limit: the TSS has no I/O permission bitmap (iopbOffset = TSS_BYTES). */
export const TSS_LIMIT: u32 = 103;
/** Bytes of each RSP0/IST stack. */
export const STACK_BYTES: usize = 16384;
const PAGE: usize = 4096;
const SLOT: usize = 4096 + 16384; // guard page + stack
const STACKS: usize = 4; // RSP0, IST1, IST2, IST3

const tssBlock: usize = memory.data(112);
const stackArea: usize = memory.data(86016); // PAGE (alignment slack) + STACKS * SLOT

/** The TSS's address (the GDT descriptor points here). */
export function tssAddress(): usize {
  return tssBlock;
}

/** The lowest address of stack `i` (0 = RSP0, 1..3 = IST1..3); its guard page is the page below. */
export function tssStackBottom(i: usize): usize {
  const first = (stackArea + PAGE - 1) & ~(PAGE - 1);
  return first + i * SLOT + PAGE;
}

/** The initial rsp of stack `i`: its top, 16-byte aligned. */
export function tssStackTop(i: usize): usize {
  return tssStackBottom(i) + STACK_BYTES;
}

/** Fills the TSS at `block` (TSS_BYTES, zeroed) with RSP0 and the IST1..3 stack tops (another CPU's: kernel/smp/ap.ts). */
export function tssFill(block: usize, rsp0: u64, ist1: u64, ist2: u64, ist3: u64): void {
  const t = changetype<Tss>(block);
  t.rsp0 = rsp0;
  t.ist1 = ist1;
  t.ist2 = ist2;
  t.ist3 = ist3;
  t.iopbOffset = u16(TSS_BYTES);
}

/** Fills the boot CPU's TSS, registers the stacks' guard pages, and loads the task register with `selector`. */
export function tssInit(selector: u16): void {
  tssFill(tssBlock, u64(tssStackTop(0)), u64(tssStackTop(1)), u64(tssStackTop(2)), u64(tssStackTop(3)));
  guardPageAdd(u64(tssStackBottom(0) - PAGE), 'the RSP0 stack');
  guardPageAdd(u64(tssStackBottom(1) - PAGE), 'the IST1 (double fault) stack');
  guardPageAdd(u64(tssStackBottom(2) - PAGE), 'the IST2 (NMI) stack');
  guardPageAdd(u64(tssStackBottom(3) - PAGE), 'the IST3 (machine check) stack');
  ltr(selector);
}

/** Sets RSP0 of the TSS at `block` (a CPU's own: PerCpu.tss), the stack the CPU switches to on an interrupt or exception in ring 3 (the current process's kernel stack). */
export function tssSetRsp0(block: u64, top: u64): void {
  changetype<Tss>(usize(block)).rsp0 = top;
}
