// Reads the boot-info structure stage 2 leaves in memory (docs/boot-sequence.md
// "Boot-info structure"): u32 entry count, u32 boot drive, then 24-byte E820
// entries (u64 base, u64 length, u32 type, u32 ACPI 3 attributes). Takes the
// structure's address, so test/mm/ can hand it a structure built in memory.
import { RegionList } from './memmap';

export const BI_E820_COUNT: usize = 0;
export const BI_BOOT_DRIVE: usize = 4;
export const BI_E820_ENTRIES: usize = 8;
export const E820_ENTRY_SIZE: usize = 24;
export const E820_MAX_ENTRIES: u32 = 128;
/** ACPI 3 extended attributes, bit 0: clear means "ignore this entry". */
const ATTR_ENABLED: u32 = 1;

/** The BIOS boot drive recorded in the boot info. */
export function bootDrive(info: usize): u32 {
  return load<u32>(info + BI_BOOT_DRIVE);
}

/** Appends the boot info's E820 entries to `raw` as they are (unsorted), skipping disabled ones. */
export function readE820(info: usize, raw: RegionList): void {
  raw.clear();
  let count = load<u32>(info + BI_E820_COUNT);
  if (count > E820_MAX_ENTRIES) count = E820_MAX_ENTRIES; // a corrupt count cannot run past the table
  for (let i: u32 = 0; i < count; i++) {
    const e = info + BI_E820_ENTRIES + usize(i) * E820_ENTRY_SIZE;
    if ((load<u32>(e + 20) & ATTR_ENABLED) == 0) continue;
    raw.add(load<u64>(e), load<u64>(e + 8), load<u32>(e + 16));
  }
}
