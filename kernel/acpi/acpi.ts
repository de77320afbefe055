// ACPI at boot: the RSDP, the RSDT or XSDT it points to, and the MADT found
// through it, parsed into acpiMadt(). Any step that fails (no RSDP, a bad
// checksum, no MADT, a malformed one) leaves one CPU, the boot CPU, and says
// why: "acpi: <reason>; one CPU". docs/smp.md, "ACPI".
import { consoleWrite, consoleWriteHex, consoleWriteUint } from '../console/console';
import { Madt, parseMadt } from './madt';
import { findRsdp, Rsdp } from './rsdp';
import { sdtError, sdtLength, sdtMap, SDT_HEADER_BYTES } from './sdt';

const madt = new Madt();
const rsdp = new Rsdp();
let usable = false;

/** The MADT as parsed (meaningful when acpiOk()). */
export function acpiMadt(): Madt {
  return madt;
}

/** Whether the MADT was found and is well-formed. */
export function acpiOk(): bool {
  return usable;
}

/** The MADT's physical address in the root table at virtual `root` (0 if it lists none). */
function findMadt(root: usize, xsdt: bool): u64 {
  const width: u64 = xsdt ? 8 : 4;
  const count = (sdtLength(root) - SDT_HEADER_BYTES) / width;
  for (let i: u64 = 0; i < count; i++) {
    const at = root + usize(SDT_HEADER_BYTES + i * width);
    const phys = xsdt ? load<u64>(at) : u64(load<u32>(at));
    const p = sdtMap(phys, 'APIC');
    if (p != 0) return phys;
  }
  return 0;
}

function fallBack(why: string): void {
  madt.clear();
  usable = false;
  consoleWrite('acpi: ');
  consoleWrite(why);
  consoleWrite('; one CPU\n');
}

/** Finds and parses the MADT; prints what it found, or why it falls back to one CPU. */
export function acpiInit(): void {
  if (!findRsdp(rsdp)) {
    fallBack('no RSDP');
    return;
  }
  const root = sdtMap(rsdp.root, rsdp.xsdt ? 'XSDT' : 'RSDT');
  if (root == 0) {
    fallBack(sdtError());
    return;
  }
  const phys = findMadt(root, rsdp.xsdt);
  if (phys == 0) {
    fallBack('no MADT');
    return;
  }
  const p = sdtMap(phys, 'APIC');
  const why = parseMadt(p, sdtLength(p), madt);
  if (why.length != 0) {
    fallBack(why);
    return;
  }
  usable = true;
  consoleWrite('acpi: ');
  consoleWriteUint(u64(madt.cpuCount));
  consoleWrite(madt.cpuCount == 1 ? ' CPU, ' : ' CPUs, ');
  consoleWriteUint(u64(madt.ioApicCount));
  consoleWrite(' I/O APIC, ');
  consoleWriteUint(u64(madt.overrideCount));
  consoleWrite(' overrides, local APIC at ');
  consoleWriteHex(madt.lapicAddress);
  consoleWrite('\n');
  if (madt.cpusLeftOff > 0) {
    consoleWrite('acpi: ');
    consoleWriteUint(u64(madt.cpusLeftOff));
    consoleWrite(' more CPUs left off (MAX_CPUS)\n');
  }
}
