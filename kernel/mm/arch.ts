// The two CPU operations the memory code needs that tskc has no intrinsic
// for yet, isolated here so each becomes a one-line change: loading CR3 (to
// run on the kernel's own page tables) and invlpg (to flush one TLB entry).
// Kernel target only.
import { setTlbFlush } from './paging';

function flushPage(virt: u64): void {
  // TODO(intrinsic invlpg, branch attrs): invlpg(virt). Harmless to skip
  // while the kernel still runs on stage 2's tables, which paging.ts never edits.
}

/** Installs the TLB flush into paging.ts. */
export function archInit(): void {
  setTlbFlush(flushPage);
}

/**
 * Switches to the page tables at `pml4` and returns true, or returns false
 * if this build cannot. Before loading CR3 it must set EFER.NXE (MSR
 * 0xC0000080 bit 11: the tables use the NX bit, reserved otherwise) and
 * CR0.WP (bit 16: read-only pages bind the kernel too).
 */
export function activate(pml4: u64): bool {
  // TODO(intrinsics wrmsr/rdmsr, CR0 and CR3 access, branch attrs):
  //   wrmsr(0xC0000080, rdmsr(0xC0000080) | 0x800); writeCr0(readCr0() | 0x10000); writeCr3(pml4); return true;
  return false;
}
