// Base address registers: each BAR's kind (I/O, 32- or 64-bit memory,
// prefetchable) and size, found the standard way: with the function's
// decoding off, write all ones, read back which address bits stick, and
// restore the original value. A memory BAR the kernel uses is mapped with
// pciMapBar: uncached, never executable, supervisor-only (kmapDevice).
// docs/storage.md, "PCI".
import { consoleWrite, consoleWriteHex } from '../../console/console';
import { kmapDevice } from '../../mm/kmap';
import { physToVirt } from '../../mm/phys';
import { CMD_BUS_MASTER, CMD_IO, CMD_MEMORY, PCI_BAR0, PCI_COMMAND, pciRead16, pciRead32, pciWrite16, pciWrite32 } from './config';
import { BAR_COUNT, BAR_IO, BAR_MEM32, BAR_MEM64, BAR_NONE, BAR_UPPER, PciDevice } from './device';

/** Memory BARs must lie below this address: the kernel's identity map shares its first PML4 slot (512 GiB) with every process. */
export const MMIO_LIMIT: u64 = 0x80_0000_0000;

/** The value a BAR reads after all ones were written to it (the original is restored). */
function probeBits(d: PciDevice, offset: u32): u32 {
  const saved = pciRead32(d.bus, d.dev, d.fn, offset);
  pciWrite32(d.bus, d.dev, d.fn, offset, 0xffff_ffff);
  const bits = pciRead32(d.bus, d.dev, d.fn, offset);
  pciWrite32(d.bus, d.dev, d.fn, offset, saved);
  return bits;
}

/** Reads the kind, base and size of each of `count` BARs (6 for a device, 2 for a bridge). */
export function pciReadBars(d: PciDevice, count: i32): void {
  const cmd = pciRead16(d.bus, d.dev, d.fn, PCI_COMMAND);
  pciWrite16(d.bus, d.dev, d.fn, PCI_COMMAND, cmd & ~(CMD_IO | CMD_MEMORY)); // no decoding while a BAR holds all ones
  for (let i: i32 = 0; i < count; i++) {
    const offset = PCI_BAR0 + u32(i) * 4;
    const low = pciRead32(d.bus, d.dev, d.fn, offset);
    if ((low & 1) != 0) {
      const size = (~(probeBits(d, offset) & 0xffff_fffc) + 1) & 0xffff;
      d.barKind[i] = size == 0 ? BAR_NONE : BAR_IO;
      d.barBase[i] = u64(low & 0xffff_fffc);
      d.barSize[i] = u64(size);
      continue;
    }
    const is64 = ((low >> 1) & 3) == 2 && i + 1 < count;
    let mask = u64(probeBits(d, offset) & 0xffff_fff0);
    let base = u64(low & 0xffff_fff0);
    if (is64) {
      const high = pciRead32(d.bus, d.dev, d.fn, offset + 4);
      mask |= u64(probeBits(d, offset + 4)) << 32;
      base |= u64(high) << 32;
    } else if (mask != 0) mask |= 0xffff_ffff_0000_0000;
    d.barKind[i] = mask == 0 ? BAR_NONE : is64 ? BAR_MEM64 : BAR_MEM32;
    d.barBase[i] = base;
    d.barSize[i] = mask == 0 ? 0 : ~mask + 1;
    d.barPrefetch[i] = (low & 8) != 0 ? 1 : 0;
    if (is64) {
      i++;
      d.barKind[i] = BAR_UPPER;
    }
  }
  pciWrite16(d.bus, d.dev, d.fn, PCI_COMMAND, cmd);
}

/**
 * Maps memory BAR `i` of `d` into the kernel's tables (uncached, no
 * execute, supervisor-only) and returns its virtual address (the direct
 * map's, kernel/mm/phys.ts), or 0 (with a
 * message) if it is not a memory BAR, unassigned, or out of reach.
 */
export function pciMapBar(d: PciDevice, i: i32): u64 {
  if (i < 0 || i >= BAR_COUNT) return 0;
  const kind = d.barKind[i];
  const base = d.barBase[i];
  const size = d.barSize[i];
  if ((kind != BAR_MEM32 && kind != BAR_MEM64) || base == 0 || size == 0 || base >= MMIO_LIMIT || size > MMIO_LIMIT - base) {
    consoleWrite('pci: BAR unusable at ');
    consoleWriteHex(base, 1);
    consoleWrite('\n');
    return 0;
  }
  kmapDevice(base, size);
  return u64(physToVirt(base));
}

/** Lets `d` decode memory and I/O and master the bus (DMA): what a driver turns on before using it. */
export function pciEnable(d: PciDevice): void {
  const cmd = pciRead16(d.bus, d.dev, d.fn, PCI_COMMAND);
  pciWrite16(d.bus, d.dev, d.fn, PCI_COMMAND, cmd | CMD_IO | CMD_MEMORY | CMD_BUS_MASTER);
}
