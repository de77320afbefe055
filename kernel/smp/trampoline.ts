// The APs' start-up trampoline in low memory: boot/trampoline.asm's bytes
// (linked into .rodata by the image builder) copied to TRAMPOLINE_ADDR, a
// page below 1 MiB (a start-up IPI names the page), which is then mapped
// read + execute in the kernel's tables (low memory is read-write, no
// execute, and the AP runs this page on those tables for a few
// instructions after paging goes on). Its parameters live in the next page,
// TRAMPOLINE_DATA (read-write), set per AP. Offsets: boot/layout.inc.
// docs/smp.md, "AP start-up".
import { kmapKernelPml4 } from '../mm/kmap';
import { protect } from '../mm/paging';
import { physToVirt } from '../mm/phys';

/** @extern ap_trampoline */
declare function apTrampolineStart(): void;
/** @extern ap_trampoline_end */
declare function apTrampolineEnd(): void;

export const TRAMPOLINE_ADDR: u64 = 0x6000;
export const TRAMPOLINE_DATA: u64 = 0x7000;
const TD_ENTRY: usize = 0;
const TD_CR3: usize = 8;
const TD_STACK: usize = 16;
const TD_ARG: usize = 24;
const TD_STARTED: usize = 32;

/** Copies the trampoline into place and makes its page executable; false if it is larger than a page. */
export function trampolineInstall(): bool {
  const from = changetype<usize>(apTrampolineStart);
  const bytes = changetype<usize>(apTrampolineEnd) - from;
  if (bytes > 4096) return false;
  memcpy(physToVirt(TRAMPOLINE_ADDR), from, bytes);
  memset(physToVirt(TRAMPOLINE_DATA), 0, 4096);
  return protect(kmapKernelPml4(), TRAMPOLINE_ADDR, 0); // read + execute
}

/** The parameters of the next AP: where it jumps (with `arg` in rdi), on which tables and stack. */
export function trampolineSet(entry: u64, cr3: u64, stack: u64, arg: u64): void {
  const d = physToVirt(TRAMPOLINE_DATA);
  store<u64>(d + TD_ENTRY, entry);
  store<u64>(d + TD_CR3, cr3);
  store<u64>(d + TD_STACK, stack);
  store<u64>(d + TD_ARG, arg);
  volatileStore<u32>(d + TD_STARTED, 0);
}

/** Whether the AP got as far as long mode (it sets TD_STARTED before it jumps to its entry). */
export function trampolineStarted(): bool {
  return volatileLoad<u32>(physToVirt(TRAMPOLINE_DATA) + TD_STARTED) != 0;
}
