// The APs' start-up trampoline in low memory: boot/trampoline.asm's bytes
// (linked into .rodata by the image builder) copied to TRAMPOLINE_ADDR, a
// page below 1 MiB (a start-up IPI names the page). The kernel's tables map
// nothing low, but the AP turns paging on while running in this page and
// reads its parameters from the next one, TRAMPOLINE_DATA, set per AP: so
// while smpInit starts the APs the two pages are identity-mapped (the
// trampoline read + execute, its data read-write, no execute), and
// trampolineRemove unmaps them once all are up. Offsets: boot/layout.inc.
// docs/smp.md, "AP start-up".
import { kmapLowPage, kmapLowPagesGone, RW_NX } from '../mm/kmap';
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

/** Copies the trampoline into place and identity-maps its two pages; false if it is larger than a page or out of memory. */
export function trampolineInstall(): bool {
  const from = changetype<usize>(apTrampolineStart);
  const bytes = changetype<usize>(apTrampolineEnd) - from;
  if (bytes > 4096) return false;
  memcpy(physToVirt(TRAMPOLINE_ADDR), from, bytes);
  memset(physToVirt(TRAMPOLINE_DATA), 0, 4096);
  return kmapLowPage(TRAMPOLINE_ADDR, 0) && kmapLowPage(TRAMPOLINE_DATA, RW_NX); // read + execute; read-write
}

/** Unmaps the trampoline's identity-mapped pages (every AP is up, or gave up): the lower half is empty again. */
export function trampolineRemove(): void {
  kmapLowPagesGone([TRAMPOLINE_ADDR, TRAMPOLINE_DATA]);
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
