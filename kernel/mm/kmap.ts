// The kernel's own page tables: an identity map (virt = phys) of low memory
// (except page 0, so null dereferences fault), the kernel image with W^X
// per section, and all usable RAM, all supervisor-only. Built with paging.ts
// from the frame allocator; checked by kmapCheck. See docs/memory-map.md.
// Kernel target only (reads the kernel header through layout.ts).
import { E820_USABLE, RegionList } from './memmap';
import { map, newTable, NO_EXECUTE, NOT_MAPPED, PRESENT, USER, WRITABLE, ADDR_MASK, HUGE, translate, flagsOf } from './paging';
import { physToVirt } from './phys';
import { dataStart, kernelEnd, KERNEL_START, LOW_MEMORY_END, rodataEnd, rodataStart, TEXT_START, textEnd, pageUp } from './layout';

const RW_NX: u64 = WRITABLE | NO_EXECUTE;

function mapRange(pml4: u64, from: u64, to: u64, flags: u64): void {
  for (let a = from; a < to; a += 4096) {
    if (!map(pml4, a, a, flags)) throw new Error('kernel page tables: out of memory');
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
    mapRange(pml4, from, to, RW_NX);
  }
  return pml4;
}

let tables: u64 = 0;
let userEntries: u64 = 0;

function scan(table: u64, level: i32): void {
  tables++;
  const t = physToVirt(table);
  for (let i: usize = 0; i < 512; i++) {
    const e = load<u64>(t + i * 8);
    if ((e & PRESENT) == 0) continue;
    if ((e & USER) != 0) userEntries++;
    if (level > 1 && (e & HUGE) == 0) scan(e & ADDR_MASK, level - 1);
  }
}

/** Tables in the hierarchy; panics if any entry has USER or a section's mapping is wrong. */
export function kmapCheck(pml4: u64): u64 {
  tables = 0;
  userEntries = 0;
  scan(pml4, 4);
  if (userEntries != 0) throw new Error('kernel page tables: an entry is user-accessible');
  if (translate(pml4, 0) != NOT_MAPPED) throw new Error('kernel page tables: page 0 is mapped');
  if (flagsOf(pml4, TEXT_START) != 0) throw new Error('kernel page tables: .text is not read+execute');
  if (rodataEnd() > rodataStart() && flagsOf(pml4, rodataStart()) != NO_EXECUTE) throw new Error('kernel page tables: .rodata is not read-only NX');
  if (flagsOf(pml4, kernelEnd() - 4096) != RW_NX) throw new Error('kernel page tables: .bss is not read-write NX');
  if (translate(pml4, kernelEnd() + 0x1234) != kernelEnd() + 0x1234) throw new Error('kernel page tables: RAM is not identity-mapped');
  return tables;
}
