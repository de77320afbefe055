// The boot-info structure of the host tests' fake machine, laid out as stage 2
// writes it (docs/boot-sequence.md): unsorted and overlapping E820 entries,
// an unaligned hole, a disabled entry, ROM above the 64 MiB of RAM.

const info = memory.data(8 + 24 * 16);
let entries: u32 = 0;

function entry(base: u64, length: u64, type: u32, attrs: u32): void {
  const e = info + 8 + usize(entries) * 24;
  store<u64>(e, base);
  store<u64>(e + 8, length);
  store<u32>(e + 16, type);
  store<u32>(e + 20, attrs);
  entries++;
  store<u32>(info, entries);
}

/** Writes the fake boot info and returns its address. */
export function fakeBootInfo(): usize {
  entries = 0;
  store<u32>(info + 4, 0x80);
  entry(0x10_0000, 0x2f0_0000, 1, 1); // 1 MiB .. 48 MiB usable
  entry(0, 0x9_fc00, 1, 1); // low memory (ends mid-page)
  entry(0x9_fc00, 0x400, 2, 1); // EBDA
  entry(0x200_0800, 0x2800, 2, 1); // reserved hole inside the usable range, unaligned
  entry(0x340_0000, 0xc0_0000, 1, 1); // two overlapping usable entries: 48..64 MiB
  entry(0x300_0000, 0x80_0000, 1, 1);
  entry(0xf_0000, 0x1_0000, 2, 1); // BIOS ROM
  entry(0x100_0000, 0x10_0000, 5, 0); // "bad" but disabled (ACPI 3 bit 0 clear): ignored
  entry(0x280_0000, 0x1000, 3, 1); // ACPI tables inside usable RAM
  entry(0xfffc_0000, 0x4_0000, 2, 1); // a high ROM (beyond the arena, not usable)
  return info;
}

