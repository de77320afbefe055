// The local APIC in xAPIC mode: 4 KiB of registers at the address the MADT
// gives (normally 0xFEE00000), mapped uncached, no execute, supervisor-only
// (kmapDevice). Every CPU sees its own APIC at the same address. Used here
// for its id, to enable it on the APs, to send the INIT and start-up IPIs
// of AP start-up through the interrupt command register (ICR), the NMIs of
// a panic (stop.ts) and the TLB shootdown's fixed IPIs (tlb.ts), and by the
// APs' timer (timer.ts).
// docs/smp.md, "Local APIC".
import { kmapDevice } from '../mm/kmap';
import { physToVirt } from '../mm/phys';

const APIC_BASE_MSR: u32 = 0x1b;
const APIC_BASE_ENABLE: u64 = 1 << 11;
const APIC_BASE_ADDRESS: u64 = 0xf_ffff_f000;
const REG_ID: usize = 0x20;
const REG_TPR: usize = 0x80;
const REG_EOI: usize = 0xb0;
const REG_SVR: usize = 0xf0;
const REG_ESR: usize = 0x280;
const REG_ICR_LOW: usize = 0x300;
const REG_ICR_HIGH: usize = 0x310;
/** Spurious-interrupt vector register: bit 8 enables the APIC; the vector is 0xFF. */
const SVR_ENABLE: u32 = 0x100;
export const SPURIOUS_VECTOR: u32 = 0xff;
const ICR_PENDING: u32 = 1 << 12;
const ICR_INIT: u32 = 0x500;
const ICR_STARTUP: u32 = 0x600;
const ICR_NMI: u32 = 0x400;
const ICR_ALL_BUT_SELF: u32 = 3 << 18;
const ICR_ASSERT: u32 = 1 << 14;
const ICR_LEVEL: u32 = 1 << 15;

let base: usize = 0;

/** The 32-bit register at offset `reg` of the running CPU's APIC. */
export function lapicRead(reg: usize): u32 {
  return volatileLoad<u32>(base + reg);
}

/** Writes the 32-bit register at offset `reg` of the running CPU's APIC. */
export function lapicWrite(reg: usize, v: u32): void {
  volatileStore<u32>(base + reg, v);
}

/**
 * Maps the local APIC at physical `phys` (the MADT's address). Returns '' or
 * why it cannot be used: disabled in IA32_APIC_BASE, or at another address
 * than the MADT says.
 */
export function lapicInit(phys: u64): string {
  const msr = rdmsr(APIC_BASE_MSR);
  if ((msr & APIC_BASE_ENABLE) == 0) return 'the local APIC is disabled';
  if ((msr & APIC_BASE_ADDRESS) != phys) return 'the MADT and IA32_APIC_BASE disagree on the local APIC address';
  kmapDevice(phys, 4096);
  base = physToVirt(phys);
  return '';
}

/** The running CPU's APIC id. */
export function lapicId(): u32 {
  return lapicRead(REG_ID) >> 24;
}

/** Enables the running CPU's APIC (spurious vector 0xFF) and accepts every priority. */
export function lapicEnable(): void {
  lapicWrite(REG_TPR, 0);
  lapicWrite(REG_SVR, SVR_ENABLE | SPURIOUS_VECTOR);
}

/** Signals the end of an interrupt the APIC delivered. */
export function lapicEoi(): void {
  lapicWrite(REG_EOI, 0);
}

/** Waits until the APIC has sent the last IPI; false if it never does. */
function icrIdle(): bool {
  for (let i: i32 = 0; i < 1_000_000; i++) {
    if ((lapicRead(REG_ICR_LOW) & ICR_PENDING) == 0) return true;
    pause();
  }
  return false;
}

function sendIpi(apicId: u32, command: u32): bool {
  lapicWrite(REG_ICR_HIGH, apicId << 24);
  lapicWrite(REG_ICR_LOW, command);
  return icrIdle();
}

/** Sends every other CPU an NMI (all-excluding-self shorthand); false if the APIC is not in use or the IPI was not sent. */
export function lapicNmiOthers(): bool {
  if (base == 0) return false;
  return sendIpi(0, ICR_NMI | ICR_ALL_BUT_SELF | ICR_ASSERT);
}

/** Sends the CPU `apicId` a fixed interrupt at `vector` (edge, physical destination); false if the APIC is not in use or it was not sent. */
export function lapicSendFixed(apicId: u32, vector: u32): bool {
  if (base == 0) return false;
  return sendIpi(apicId, ICR_ASSERT | (vector & 0xff));
}

/** Sends the CPU `apicId` an INIT IPI (assert, then the level de-assert older CPUs need); false if it was not sent. */
export function lapicSendInit(apicId: u32): bool {
  lapicWrite(REG_ESR, 0);
  if (!sendIpi(apicId, ICR_INIT | ICR_ASSERT | ICR_LEVEL)) return false;
  return sendIpi(apicId, ICR_INIT | ICR_LEVEL);
}

/** Sends the CPU `apicId` a start-up IPI: it starts in real mode at `page` << 12. */
export function lapicSendStartup(apicId: u32, page: u32): bool {
  lapicWrite(REG_ESR, 0);
  return sendIpi(apicId, ICR_STARTUP | (page & 0xff));
}
