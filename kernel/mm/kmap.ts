// The kernel's own page tables: an identity map (virt = phys) of low memory
// (except page 0, so null dereferences fault), the kernel image with W^X per
// section in 4 KiB pages, and all usable RAM (2 MiB pages wherever a whole
// aligned 2 MiB lies in one region), all supervisor-only, with the boot
// stack's guard page left out. Built with paging.ts from the frame
// allocator; checked by kmapCheck. See docs/memory-map.md.
// Kernel target only (reads the kernel header through layout.ts).
import { E820_USABLE, RegionList } from './memmap';
import {
  ADDR_MASK, CACHE_DISABLE, HUGE, map, mapHuge, newTable, NO_EXECUTE, NOT_MAPPED, PRESENT, translate, unmap, USER,
  WRITABLE, WRITE_THROUGH, flagsOf,
} from './paging';
import { physToVirt } from './phys';
import { bootStackGuard, dataStart, kernelEnd, KERNEL_START, LOW_MEMORY_END, rodataEnd, rodataStart, TEXT_START, textEnd, pageUp } from './layout';

export const RW_NX: u64 = WRITABLE | NO_EXECUTE;
/** Memory-mapped devices: read-write, no execute, uncached. */
export const DEVICE: u64 = WRITABLE | NO_EXECUTE | CACHE_DISABLE | WRITE_THROUGH;
const HUGE_SIZE: u64 = 0x20_0000;
/** VGA text memory: mapped as part of low memory. */
export const VGA_TEXT: u64 = 0xb_8000;

let kernelPml4: u64 = 0;

function mapRange(pml4: u64, from: u64, to: u64, flags: u64): void {
  for (let a = from; a < to; a += 4096) {
    if (!map(pml4, a, a, flags)) throw new Error('kernel page tables: out of memory');
  }
}

/** Identity-maps [from, to) (4 KiB aligned) with 2 MiB pages where aligned, 4 KiB pages at the ends. */
function mapBulk(pml4: u64, from: u64, to: u64, flags: u64): void {
  let a = from;
  while (a < to) {
    if ((a & (HUGE_SIZE - 1)) == 0 && a + HUGE_SIZE <= to) {
      if (!mapHuge(pml4, a, a, flags)) throw new Error('kernel page tables: out of memory');
      a += HUGE_SIZE;
    } else {
      if (!map(pml4, a, a, flags)) throw new Error('kernel page tables: out of memory');
      a += 4096;
    }
  }
}

/** Builds the kernel's PML4 over the sanitised map; returns its physical address. */
export function kmapBuild(map_: RegionList): u64 {
  const pml4 = newTable();
  if (pml4 == 0) throw new Error('kernel page tables: out of memory');
  mapRange(pml4, 0x1000, LOW_MEMORY_END, RW_NX); // boot info, VGA text memory, BIOS areas
  mapRange(pml4, KERNEL_START, TEXT_START, NO_EXECUTE); // boot header: read-only
  mapRange(pml4, TEXT_START, pageUp(textEnd()), 0); // .text: read + execute
  mapRange(pml4, rodataStart(), pageUp(rodataEnd()), NO_EXECUTE); // .rodata: read-only
  mapRange(pml4, dataStart(), kernelEnd(), RW_NX); // .data, .bss: read-write
  for (let i = 0; i < map_.count; i++) {
    if (map_.type[i] != E820_USABLE) continue;
    let from = map_.base[i];
    const to = map_.end[i];
    if (from < LOW_MEMORY_END) from = LOW_MEMORY_END; // low memory is mapped above
    if (from < kernelEnd() && to > KERNEL_START) {
      mapRange(pml4, from, KERNEL_START, RW_NX); // RAM below the image
      from = kernelEnd();
    }
    if (from < to) mapBulk(pml4, from, to, RW_NX);
  }
  if (unmap(pml4, bootStackGuard()) == NOT_MAPPED) throw new Error('kernel page tables: boot stack guard page not mapped');
  kernelPml4 = pml4;
  return pml4;
}

/** The physical address of the kernel's PML4 (0 before kmapBuild). */
export function kmapKernelPml4(): u64 {
  return kernelPml4;
}

/**
 * Identity-maps the device memory [phys, phys + bytes) into the kernel's
 * tables, read-write, no execute, uncached; pages already mapped (e.g. VGA
 * text memory in low memory) are left as they are.
 */
export function kmapDevice(phys: u64, bytes: u64): void {
  for (let a = phys & ~u64(0xfff); a < phys + bytes; a += 4096) {
    if (translate(kernelPml4, a) == NOT_MAPPED) mapRange(kernelPml4, a, a + 4096, DEVICE);
  }
}

/**
 * Identity-maps the firmware memory [phys, phys + bytes) (ACPI tables)
 * read-only, no execute; pages already mapped are left as they are.
 */
export function kmapFirmware(phys: u64, bytes: u64): void {
  for (let a = phys & ~u64(0xfff); a < phys + bytes; a += 4096) {
    if (translate(kernelPml4, a) == NOT_MAPPED) mapRange(kernelPml4, a, a + 4096, NO_EXECUTE);
  }
}

/**
 * Reads the u16 at `offset` in page 0 (the BIOS data area), which stays
 * unmapped so null dereferences fault: mapped read-only for this one load.
 */
export function kmapReadPageZero16(offset: u64): u16 {
  mapRange(kernelPml4, 0, 4096, NO_EXECUTE);
  const v = volatileLoad<u16>(usize(offset));
  unmap(kernelPml4, 0);
  return v;
}

let tables: u64 = 0;
let userEntries: u64 = 0;
let leaves: u64 = 0;

function scan(table: u64, level: i32): void {
  tables++;
  const t = physToVirt(table);
  for (let i: usize = 0; i < 512; i++) {
    const e = load<u64>(t + i * 8);
    if ((e & PRESENT) == 0) continue;
    if ((e & USER) != 0) userEntries++;
    if (level > 1 && (e & HUGE) == 0) scan(e & ADDR_MASK, level - 1);
    else leaves++;
  }
}

/** Present leaf entries (pages) seen by the last kmapCheck. */
export function kmapLeaves(): u64 {
  return leaves;
}

/**
 * Walks every present entry of the hierarchy and returns the number of
 * tables; panics if any entry has USER, page 0 or the boot stack's guard
 * page is mapped, VGA text memory is not read-write NX, or a section's
 * mapping is wrong.
 */
export function kmapCheck(pml4: u64): u64 {
  tables = 0;
  userEntries = 0;
  leaves = 0;
  scan(pml4, 4);
  if (userEntries != 0) throw new Error('kernel page tables: an entry is user-accessible');
  if (translate(pml4, 0) != NOT_MAPPED) throw new Error('kernel page tables: page 0 is mapped');
  if (translate(pml4, bootStackGuard()) != NOT_MAPPED) throw new Error('kernel page tables: the boot stack guard page is mapped');
  if (flagsOf(pml4, VGA_TEXT) != RW_NX) throw new Error('kernel page tables: VGA text memory is not read-write NX');
  if (flagsOf(pml4, TEXT_START) != 0) throw new Error('kernel page tables: .text is not read+execute');
  if (rodataEnd() > rodataStart() && flagsOf(pml4, rodataStart()) != NO_EXECUTE) throw new Error('kernel page tables: .rodata is not read-only NX');
  if (flagsOf(pml4, kernelEnd() - 4096) != RW_NX) throw new Error('kernel page tables: .bss is not read-write NX');
  if (translate(pml4, kernelEnd() + 0x1234) != kernelEnd() + 0x1234) throw new Error('kernel page tables: RAM is not identity-mapped');
  return tables;
}
