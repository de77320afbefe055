// The kernel's own page tables, all in the upper half: the direct map of
// physical memory at DIRECT_MAP_BASE + phys (low memory in 4 KiB pages, all
// usable RAM in 2 MiB pages wherever a whole aligned 2 MiB lies in one
// region), and the kernel image at KERNEL_VMA + phys with W^X per section in
// 4 KiB pages, the boot stack's guard page left out; all supervisor-only.
// Nothing in the lower half: page 0 and every low address fault (the APs'
// trampoline pages are identity-mapped only while smpInit starts them).
// Built with paging.ts from the frame allocator; checked by kmapCheck. See
// docs/memory-map.md. Kernel target only (reads the kernel header through
// layout.ts).
import { E820_USABLE, RegionList } from './memmap';
import {
  ADDR_MASK, CACHE_DISABLE, HUGE, map, mapHuge, newTable, NO_EXECUTE, NOT_MAPPED, PRESENT, translate, unmap, USER,
  WRITABLE, WRITE_THROUGH, flagsOf, tlbFlush,
} from './paging';
import { freeFrame } from './frames';
import { kernelVirt, physToVirt } from './phys';
import { bootStackGuard, dataStart, kernelEnd, KERNEL_START, LOW_MEMORY_END, rodataEnd, rodataStart, TEXT_START, textEnd, pageUp } from './layout';

export const RW_NX: u64 = WRITABLE | NO_EXECUTE;
/** Memory-mapped devices: read-write, no execute, uncached. */
export const DEVICE: u64 = WRITABLE | NO_EXECUTE | CACHE_DISABLE | WRITE_THROUGH;
const HUGE_SIZE: u64 = 0x20_0000;
/** VGA text memory: mapped as part of low memory. */
export const VGA_TEXT: u64 = 0xb_8000;

let kernelPml4: u64 = 0;

function fail(): void {
  throw new Error('kernel page tables: out of memory');
}

/** Maps the kernel image's physical [from, to) (4 KiB aligned) at KERNEL_VMA + phys in 4 KiB pages. */
function mapImage(pml4: u64, from: u64, to: u64, flags: u64): void {
  for (let a = from; a < to; a += 4096) if (!map(pml4, kernelVirt(a), a, flags)) fail();
}

/** Direct-maps physical [from, to) (4 KiB aligned) in 4 KiB pages. */
function mapDirect(pml4: u64, from: u64, to: u64, flags: u64): void {
  for (let a = from; a < to; a += 4096) if (!map(pml4, u64(physToVirt(a)), a, flags)) fail();
}

/** Direct-maps physical [from, to) (4 KiB aligned) with 2 MiB pages where aligned, 4 KiB pages at the ends. */
function mapBulk(pml4: u64, from: u64, to: u64, flags: u64): void {
  let a = from;
  while (a < to) {
    if ((a & (HUGE_SIZE - 1)) == 0 && a + HUGE_SIZE <= to) {
      if (!mapHuge(pml4, u64(physToVirt(a)), a, flags)) fail();
      a += HUGE_SIZE;
    } else {
      if (!map(pml4, u64(physToVirt(a)), a, flags)) fail();
      a += 4096;
    }
  }
}

/** Builds the kernel's PML4 over the sanitised map; returns its physical address. */
export function kmapBuild(map_: RegionList): u64 {
  const pml4 = newTable();
  if (pml4 == 0) fail();
  mapDirect(pml4, 0, LOW_MEMORY_END, RW_NX); // BIOS data area, boot info, EBDA, VGA text memory
  mapImage(pml4, KERNEL_START, TEXT_START, NO_EXECUTE); // boot header: read-only
  mapImage(pml4, TEXT_START, pageUp(textEnd()), 0); // .text: read + execute
  mapImage(pml4, rodataStart(), pageUp(rodataEnd()), NO_EXECUTE); // .rodata: read-only
  mapImage(pml4, dataStart(), kernelEnd(), RW_NX); // .data, .bss: read-write
  for (let i = 0; i < map_.count; i++) {
    if (map_.type[i] != E820_USABLE) continue;
    let from = map_.base[i];
    const to = map_.end[i];
    if (from < LOW_MEMORY_END) from = LOW_MEMORY_END; // low memory is mapped above
    if (from < to) mapBulk(pml4, from, to, RW_NX); // the image's frames too: read-write, never executable here
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
 * Direct-maps the device memory [phys, phys + bytes) into the kernel's
 * tables, read-write, no execute, uncached (reach it at physToVirt(phys));
 * pages already mapped (e.g. VGA text memory in low memory) are left as
 * they are.
 */
export function kmapDevice(phys: u64, bytes: u64): void {
  for (let a = phys & ~u64(0xfff); a < phys + bytes; a += 4096) {
    if (translate(kernelPml4, u64(physToVirt(a))) == NOT_MAPPED) mapDirect(kernelPml4, a, a + 4096, DEVICE);
  }
}

/**
 * Direct-maps the firmware memory [phys, phys + bytes) (ACPI tables)
 * read-only, no execute; pages already mapped are left as they are.
 */
export function kmapFirmware(phys: u64, bytes: u64): void {
  for (let a = phys & ~u64(0xfff); a < phys + bytes; a += 4096) {
    if (translate(kernelPml4, u64(physToVirt(a))) == NOT_MAPPED) mapDirect(kernelPml4, a, a + 4096, NO_EXECUTE);
  }
}

/** Reads the u16 at physical `offset` in page 0 (the BIOS data area) through the direct map. */
export function kmapReadPageZero16(offset: u64): u16 {
  return volatileLoad<u16>(physToVirt(offset));
}

/**
 * Identity-maps the low page `phys` with `flags` (the APs' trampoline while
 * smpInit starts them: they turn paging on while running there); false
 * when out of memory.
 */
export function kmapLowPage(phys: u64, flags: u64): bool {
  return map(kernelPml4, phys, phys, flags);
}

/** The table entry 0 of `table` points to, or 0 (none, or a large page). */
function lowTable(table: u64): u64 {
  const e = load<u64>(physToVirt(table));
  return (e & PRESENT) == 0 || (e & HUGE) != 0 ? 0 : e & ADDR_MASK;
}

/**
 * Removes the identity mappings kmapLowPage made (every CPU's TLB entries
 * for them with it) and, as nothing else lives in the lower half, the
 * tables below PML4 slot 0, so the kernel's tables map nothing low again.
 * Only pages in the first 2 MiB may have been mapped.
 */
export function kmapLowPagesGone(pages: u64[]): void {
  for (let i = 0; i < pages.length; i++) unmap(kernelPml4, pages[i]);
  const pdpt = lowTable(kernelPml4);
  const pd = pdpt == 0 ? 0 : lowTable(pdpt);
  const pt = pd == 0 ? 0 : lowTable(pd);
  if (pt == 0) return;
  const t = physToVirt(pt);
  for (let i: usize = 0; i < 512; i++) if ((load<u64>(t + i * 8) & PRESENT) != 0) return; // not ours to free
  store<u64>(physToVirt(kernelPml4), 0);
  freeFrame(pdpt);
  freeFrame(pd);
  freeFrame(pt);
  tlbFlush(kernelPml4, 0); // invlpg drops the cached walks through the freed tables too
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
 * tables; panics if any entry has USER, anything in the lower half (page 0
 * included) or the boot stack's guard page is mapped, VGA text memory is not read-write NX, or a section's
 * mapping is wrong.
 */
export function kmapCheck(pml4: u64): u64 {
  tables = 0;
  userEntries = 0;
  leaves = 0;
  scan(pml4, 4);
  if (userEntries != 0) throw new Error('kernel page tables: an entry is user-accessible');
  if (translate(pml4, 0) != NOT_MAPPED) throw new Error('kernel page tables: page 0 is mapped');
  if (kmapLowest(pml4) < KERNEL_HALF) throw new Error('kernel page tables: a lower-half address is mapped');
  if (translate(pml4, bootStackGuard()) != NOT_MAPPED) throw new Error('kernel page tables: the boot stack guard page is mapped');
  if (flagsOf(pml4, u64(physToVirt(VGA_TEXT))) != RW_NX) throw new Error('kernel page tables: VGA text memory is not read-write NX');
  if (flagsOf(pml4, kernelVirt(TEXT_START)) != 0) throw new Error('kernel page tables: .text is not read+execute');
  if (rodataEnd() > rodataStart() && flagsOf(pml4, kernelVirt(rodataStart())) != NO_EXECUTE) throw new Error('kernel page tables: .rodata is not read-only NX');
  if (flagsOf(pml4, kernelVirt(kernelEnd() - 4096)) != RW_NX) throw new Error('kernel page tables: .bss is not read-write NX');
  if (translate(pml4, u64(physToVirt(kernelEnd() + 0x1234))) != kernelEnd() + 0x1234) throw new Error('kernel page tables: RAM is not direct-mapped');
  return tables;
}

/** The first upper-half address: everything the kernel maps lies at or above it. */
export const KERNEL_HALF: u64 = 0xffff_8000_0000_0000;

/** The lowest mapped address under `table` (level 4: a PML4) from `base`, or NOT_MAPPED. */
function lowest(table: u64, level: i32, base: u64): u64 {
  const t = physToVirt(table);
  const span = u64(1) << u64(12 + 9 * (level - 1));
  for (let i: usize = 0; i < 512; i++) {
    const e = load<u64>(t + i * 8);
    if ((e & PRESENT) == 0) continue;
    let va = base + u64(i) * span;
    if (level == 4 && i >= 256) va |= 0xffff_0000_0000_0000; // canonical upper half
    if (level == 1 || (e & HUGE) != 0) return va;
    const low = lowest(e & ADDR_MASK, level - 1, va);
    if (low != NOT_MAPPED) return low;
  }
  return NOT_MAPPED;
}

/** The lowest virtual address `pml4` maps (NOT_MAPPED if none): at least KERNEL_HALF for the kernel's tables once the APs run. */
export function kmapLowest(pml4: u64): u64 {
  return lowest(pml4, 4, 0);
}
