// The ACPI root pointer (RSDP): a 16-byte-aligned structure with the
// signature "RSD PTR " in the first KiB of the EBDA (its segment is the u16
// at 0x40E of the BIOS data area) or in the BIOS area 0xE0000-0xFFFFF. Its
// first 20 bytes sum to 0; from revision 2 on, its `length` bytes do too and
// it holds the XSDT's 64-bit address besides the RSDT's 32-bit one.
// docs/smp.md, "ACPI".
import { kmapReadPageZero16 } from '../mm/kmap';
import { physToVirt } from '../mm/phys';
import { checksumOk } from './sdt';

const EBDA_POINTER: u64 = 0x40e;
const BIOS_AREA: u64 = 0xe_0000;
const BIOS_AREA_END: u64 = 0x10_0000;
const V1_BYTES: u64 = 20;
const V2_MIN_BYTES: u64 = 36;

/** What the RSDP says: the root table's physical address and whether it is an XSDT (0 if none was found). */
export class Rsdp {
  root: u64 = 0;
  xsdt: bool = false;
  revision: u8 = 0;
}

function signatureAt(p: usize): bool {
  return load<u64>(p) == 0x2052_5450_2044_5352; // "RSD PTR "
}

/** Whether a valid RSDP is at physical `at`; fills `out` if so. */
function tryAt(at: u64, out: Rsdp): bool {
  const p = physToVirt(at);
  if (!signatureAt(p) || !checksumOk(p, V1_BYTES)) return false;
  const revision = load<u8>(p + 15);
  if (revision >= 2) {
    const length = u64(load<u32>(p + 20));
    if (length < V2_MIN_BYTES || length > 0x1000 || !checksumOk(p, length)) return false;
    const xsdt = load<u64>(p + 24);
    if (xsdt != 0) {
      out.root = xsdt;
      out.xsdt = true;
      out.revision = revision;
      return true;
    }
  }
  out.root = u64(load<u32>(p + 16));
  out.xsdt = false;
  out.revision = revision;
  return true;
}

/** Scans [from, to) on 16-byte boundaries. */
function scan(from: u64, to: u64, out: Rsdp): bool {
  for (let a = from; a + V2_MIN_BYTES <= to; a += 16) if (tryAt(a, out)) return true;
  return false;
}

/** Finds the RSDP: the EBDA's first KiB, then the BIOS area. False if there is none. */
export function findRsdp(out: Rsdp): bool {
  const ebda = u64(kmapReadPageZero16(EBDA_POINTER)) << 4;
  if (ebda >= 0x8_0000 && ebda < 0xa_0000 && scan(ebda, ebda + 1024, out)) return true;
  return scan(BIOS_AREA, BIOS_AREA_END, out);
}
