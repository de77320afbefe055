// The capability list: a chain of (id, next) records in configuration
// space, starting at the capabilities pointer. Every pointer is checked
// (inside the device-specific area 0x40–0xFF, dword aligned) and the walk
// stops after MAX_CAPS records, so a function that reports a looping or
// wild list cannot hang or misdirect the kernel. docs/storage.md, "PCI".
import { PCI_CAP_POINTER, pciRead8 } from './config';
import { PciDevice } from './device';

const MAX_CAPS: i32 = 48; // (256 - 64) / 4: more records than that means a loop

/** Capability ids the kernel knows. */
export const CAP_MSI: u8 = 0x05;
export const CAP_VENDOR: u8 = 0x09;
export const CAP_MSIX: u8 = 0x11;

function valid(offset: u32): bool {
  return offset >= 0x40 && offset <= 0xfc;
}

/** The offset of the capability after the one at `at` (0: the first), or 0 at the end of the list. */
function follow(d: PciDevice, at: u32): u32 {
  const next = u32(pciRead8(d.bus, d.dev, d.fn, at == 0 ? PCI_CAP_POINTER : at + 1)) & 0xfc;
  return valid(next) ? next : 0;
}

/**
 * The offset of the `nth` (0-based) capability of `d` whose id is `id`,
 * or 0 if there is none.
 */
export function pciCapFind(d: PciDevice, id: u8, nth: i32): u32 {
  if (!d.hasCaps) return 0;
  let at = follow(d, 0);
  let seen: i32 = 0;
  for (let steps: i32 = 0; at != 0 && steps < MAX_CAPS; steps++) {
    if (pciRead8(d.bus, d.dev, d.fn, at) == id) {
      if (seen == nth) return at;
      seen++;
    }
    at = follow(d, at);
  }
  return 0;
}

/** How many capabilities `d`'s list holds (bounded by MAX_CAPS). */
export function pciCapCount(d: PciDevice): i32 {
  if (!d.hasCaps) return 0;
  let n: i32 = 0;
  for (let at = follow(d, 0); at != 0 && n < MAX_CAPS; at = follow(d, at)) n++;
  return n;
}
