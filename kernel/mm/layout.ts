// Fixed physical addresses the kernel's memory code relies on, each mirroring
// its source of truth (boot/layout.inc, kernel/kernel.ld); docs/memory-map.md
// lists them and test/kernel/memory-map.test.ts checks all three agree.
// The image's section ends are physical (the boot header's); the image runs
// at KERNEL_VMA + physical (kernel/mm/phys.ts kernelVirt).
// Kernel target only: it reads the kernel's boot header in memory.
import { kernelVirt } from './phys';

/** Where stage 2 leaves the boot-info structure (layout.inc BOOTINFO_ADDR; also RDI at _start). */
export const BOOT_INFO_ADDR: usize = 0x5000;
/** Stage 2's page tables: PML4, PDPT, PD (layout.inc PML4_ADDR .. PD_ADDR + 4 KiB). */
export const BOOT_TABLES_START: u64 = 0x1000;
export const BOOT_TABLES_END: u64 = 0x4000;
/** Everything below 1 MiB is reserved (IVT, BIOS data, boot info, boot page tables, stage 2's GDT, EBDA, ROMs). */
export const LOW_MEMORY_END: u64 = 0x10_0000;
/** The kernel's physical load address (layout.inc KERNEL_LOAD_ADDR, kernel.ld: linked at KERNEL_VMA + it). */
export const KERNEL_START: u64 = 0x10_0000;
/** How much stage 2 identity-maps (layout.inc IDENTITY_MAP_BYTES): all physToVirt reaches until CR3 switches. */
export const BOOT_IDENTITY_END: u64 = 0x4000_0000;

// The kernel's boot header at KERNEL_START (kernel.ld .boot_header).
const HDR_BSS_END: u64 = 24;
const HDR_TEXT_END: u64 = 32;
const HDR_RODATA_END: u64 = 40;
/** .text starts at the first page after the header (kernel.ld ALIGN(4096)). */
export const TEXT_START: u64 = 0x10_1000;

function header(offset: u64): u64 {
  return load<u64>(usize(kernelVirt(KERNEL_START + offset)));
}

export function pageUp(x: u64): u64 {
  return (x + 4095) & ~u64(4095);
}

/** The end of .text (read+execute). */
export function textEnd(): u64 {
  return header(HDR_TEXT_END);
}

/** .rodata (read-only, no execute) starts on the page after .text. */
export function rodataStart(): u64 {
  return pageUp(textEnd());
}

export function rodataEnd(): u64 {
  return header(HDR_RODATA_END);
}

/** .data and .bss (read-write, no execute) start on the page after .rodata. */
export function dataStart(): u64 {
  return pageUp(rodataEnd());
}

/** The physical end of the kernel image including .bss (4 KiB aligned). */
export function kernelEnd(): u64 {
  return header(HDR_BSS_END);
}

/** @extern __tskc_boot_stack_guard */
declare function bootStackGuardSymbol(): void;

/** The page below the boot stack (compiler/x86/stubs.ts), a kernel-image (virtual) address: left unmapped so an overflow faults. */
export function bootStackGuard(): u64 {
  return u64(changetype<usize>(bootStackGuardSymbol));
}
