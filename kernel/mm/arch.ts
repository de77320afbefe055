// The CPU side of paging, kernel target only: the TLB flush (installs
// kernel/smp/tlb.ts's, which also shoots other CPUs' entries down), the
// switch to the kernel's own page tables (EFER.NXE, CR0.WP, CR3), each CPU's
// record of the tables it has loaded, and the protection features CPUID
// offers (SMEP, SMAP in CR4). See docs/memory-map.md, "The kernel's page
// tables", and docs/smp.md, "TLB shootdown".
import { currentCpu } from '../cpu/percpu';
import { tlbFlushRange } from '../smp/tlb';
import { ADDR_MASK, setTlbFlush } from './paging';

const EFER: u32 = 0xc000_0080;
const EFER_NXE: u64 = 1 << 11;
const CR0_WP: u64 = 1 << 16;
const CR4_SMEP: u64 = 1 << 20;
const CR4_SMAP: u64 = 1 << 21;
const CPUID7_EBX_SMEP: u32 = 1 << 7;
const CPUID7_EBX_SMAP: u32 = 1 << 20;

class Cpuid {
  eax: u32 = 0;
  ebx: u32 = 0;
  ecx: u32 = 0;
  edx: u32 = 0;
}

const id = new Cpuid();
let smep: bool = false;
let smap: bool = false;

/** Installs the TLB flush into paging.ts. */
export function archInit(): void {
  setTlbFlush(tlbFlushRange);
}

/** CPUID leaf 7 subleaf 0's ebx (structured extended features), 0 if the CPU has no leaf 7. */
function leaf7Ebx(): u32 {
  cpuid(0, 0, id);
  if (id.eax < 7) return 0;
  cpuid(7, 0, id);
  return id.ebx;
}

/**
 * Switches to the page tables at `pml4`. First EFER.NXE (the tables use the
 * NX bit, which is reserved without it) and CR0.WP (read-only pages bind the
 * kernel too); after CR3, SMEP and SMAP when CPUID reports them.
 */
export function activate(pml4: u64): void {
  wrmsr(EFER, rdmsr(EFER) | EFER_NXE);
  writeCr0(readCr0() | CR0_WP);
  writeCr3(pml4);
  const features = leaf7Ebx();
  smep = (features & CPUID7_EBX_SMEP) != 0;
  smap = (features & CPUID7_EBX_SMAP) != 0;
  let cr4 = readCr4();
  if (smep) cr4 = cr4 | CR4_SMEP;
  if (smap) cr4 = cr4 | CR4_SMAP;
  writeCr4(cr4);
}

/**
 * An AP's half of activate, on the kernel's tables already (the start-up
 * trampoline loads CR3 and EFER.NXE): CR0.WP, and SMEP and SMAP as the boot
 * CPU found them.
 */
export function activateAp(): void {
  wrmsr(EFER, rdmsr(EFER) | EFER_NXE);
  writeCr0(readCr0() | CR0_WP);
  let cr4 = readCr4();
  if (smep) cr4 = cr4 | CR4_SMEP;
  if (smap) cr4 = cr4 | CR4_SMAP;
  writeCr4(cr4);
}

/**
 * Switches CR3 to `pml4` (after activate has set the CPU up), unless it is
 * in use already, and records it in the CPU's PerCpu.pml4 (a shootdown of
 * user pages goes to the CPUs that have their tables loaded). Every CR3
 * change after the boot goes through here.
 */
export function switchSpace(pml4: u64): void {
  currentCpu().pml4 = pml4;
  if (currentPml4() != pml4) writeCr3(pml4);
}

/** The physical address of the PML4 the CPU is using. */
export function currentPml4(): u64 {
  return readCr3() & ADDR_MASK;
}

/** Whether SMEP (no kernel execution of user pages) is on. */
export function smepOn(): bool {
  return smep;
}

/** Whether SMAP (no kernel access to user pages outside stac/clac) is on. */
export function smapOn(): bool {
  return smap;
}

/** Opens a window for the kernel to access user pages (stac; nothing without SMAP). */
export function userAccessBegin(): void {
  if (smap) stac();
}

/** Closes it again (clac). */
export function userAccessEnd(): void {
  if (smap) clac();
}
