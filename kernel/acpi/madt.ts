// The MADT ("APIC" table): the local APIC's address, one entry per CPU
// (processor local APIC, type 0), per I/O APIC (type 1) and per legacy IRQ
// that is wired to another global system interrupt (interrupt source
// override, type 2); a local APIC address override (type 5) replaces the
// 32-bit address. Every field is range-checked; anything malformed makes
// parseMadt fail with a reason, and the caller falls back to one CPU.
// docs/smp.md, "ACPI".
import { SDT_HEADER_BYTES } from './sdt';

/** The most CPUs the kernel runs on (more are left off, with a message). */
export const MAX_CPUS: i32 = 16;
export const MAX_IOAPICS: i32 = 4;
export const MAX_OVERRIDES: i32 = 16;
/** APIC id 0xFF is the xAPIC broadcast address: no CPU has it. */
const APIC_BROADCAST: u32 = 0xff;
const ENTRIES_AT: u64 = SDT_HEADER_BYTES + 8;
const LAPIC_ENABLED: u32 = 1;
const LAPIC_ONLINE_CAPABLE: u32 = 2;

/** What the MADT says. */
export class Madt {
  lapicAddress: u64 = 0;
  /** Flags bit 0 (PCAT_COMPAT): the board has the two 8259s too. */
  pcat: bool = false;
  cpuCount: i32 = 0;
  /** CPUs the table listed beyond MAX_CPUS. */
  cpusLeftOff: i32 = 0;
  readonly apicIds = new Uint32Array(MAX_CPUS);
  ioApicCount: i32 = 0;
  readonly ioApicIds = new Uint32Array(MAX_IOAPICS);
  readonly ioApicAddress = new Uint64Array(MAX_IOAPICS);
  readonly ioApicGsiBase = new Uint32Array(MAX_IOAPICS);
  overrideCount: i32 = 0;
  /** The ISA IRQ (0-15) of each override, its global system interrupt and its MPS flags (polarity, trigger). */
  readonly overrideIrq = new Uint32Array(MAX_OVERRIDES);
  readonly overrideGsi = new Uint32Array(MAX_OVERRIDES);
  readonly overrideFlags = new Uint32Array(MAX_OVERRIDES);

  clear(): void {
    this.lapicAddress = 0;
    this.pcat = false;
    this.cpuCount = 0;
    this.cpusLeftOff = 0;
    this.ioApicCount = 0;
    this.overrideCount = 0;
  }

  hasCpu(apicId: u32): bool {
    for (let i: i32 = 0; i < this.cpuCount; i++) if (this.apicIds[i] == apicId) return true;
    return false;
  }
}

/** Whether an MMIO address is a page-aligned 32-bit one outside the first MiB. */
function mmioOk(a: u64): bool {
  return a >= 0x10_0000 && a < 0x1_0000_0000 && (a & 0xfff) == 0;
}

/** I/O APIC registers are 1 KiB-aligned (a page may hold several). */
function ioApicAddressOk(a: u64): bool {
  return a >= 0x10_0000 && a < 0x1_0000_0000 && (a & 0x3ff) == 0;
}

function addCpu(out: Madt, apicId: u32, flags: u32): string {
  if ((flags & (LAPIC_ENABLED | LAPIC_ONLINE_CAPABLE)) == 0) return ''; // not usable: skipped
  if ((flags & LAPIC_ENABLED) == 0) return ''; // hot-pluggable, absent now
  if (apicId >= APIC_BROADCAST) return 'a CPU with APIC id 0xFF';
  if (out.hasCpu(apicId)) return 'two CPUs with one APIC id';
  if (out.cpuCount == MAX_CPUS) {
    out.cpusLeftOff++;
    return '';
  }
  out.apicIds[out.cpuCount] = apicId;
  out.cpuCount++;
  return '';
}

function addIoApic(out: Madt, p: usize): string {
  const address = u64(load<u32>(p + 4));
  const gsiBase = load<u32>(p + 8);
  if (!ioApicAddressOk(address)) return 'I/O APIC address out of range';
  if (gsiBase > 0xff_ffff) return 'I/O APIC interrupt base out of range';
  if (out.ioApicCount == MAX_IOAPICS) return 'too many I/O APICs';
  out.ioApicIds[out.ioApicCount] = u32(load<u8>(p + 2));
  out.ioApicAddress[out.ioApicCount] = address;
  out.ioApicGsiBase[out.ioApicCount] = gsiBase;
  out.ioApicCount++;
  return '';
}

function addOverride(out: Madt, p: usize): string {
  const bus = load<u8>(p + 2);
  const irq = u32(load<u8>(p + 3));
  const gsi = load<u32>(p + 4);
  const flags = u32(load<u16>(p + 8));
  if (bus != 0 || irq >= 16) return 'override of a non-ISA interrupt';
  if (gsi > 0xff_ffff) return 'override to an interrupt out of range';
  if ((flags & 3) == 2 || ((flags >> 2) & 3) == 2) return 'override with reserved polarity or trigger';
  if (out.overrideCount == MAX_OVERRIDES) return 'too many interrupt overrides';
  out.overrideIrq[out.overrideCount] = irq;
  out.overrideGsi[out.overrideCount] = gsi;
  out.overrideFlags[out.overrideCount] = flags;
  out.overrideCount++;
  return '';
}

/** The smallest length of an entry of `type` (0: a type the kernel skips). */
function minLength(type: u8): u64 {
  if (type == 0) return 8;
  if (type == 1) return 12;
  if (type == 2) return 10;
  if (type == 5) return 12;
  return 0;
}

/**
 * Parses the MADT at virtual `p` (header already checked: `length` bytes
 * mapped, checksum right) into `out`. Returns '' or the reason it is unusable.
 */
export function parseMadt(p: usize, length: u64, out: Madt): string {
  out.clear();
  if (length < ENTRIES_AT) return 'MADT shorter than its fixed part';
  out.lapicAddress = u64(load<u32>(p + 36));
  out.pcat = (load<u32>(p + 40) & 1) != 0;
  let at = ENTRIES_AT;
  while (at < length) {
    if (at + 2 > length) return 'MADT entry cut off';
    const e = p + usize(at);
    const type = load<u8>(e);
    const n = u64(load<u8>(e + 1));
    if (n < 2 || at + n > length) return 'MADT entry length out of range';
    if (n < minLength(type)) return 'MADT entry too short for its type';
    let why = '';
    if (type == 0) why = addCpu(out, u32(load<u8>(e + 3)), load<u32>(e + 4));
    else if (type == 1) why = addIoApic(out, e);
    else if (type == 2) why = addOverride(out, e);
    else if (type == 5) out.lapicAddress = load<u64>(e + 4);
    if (why.length != 0) return why;
    at += n;
  }
  if (!mmioOk(out.lapicAddress)) return 'local APIC address out of range';
  if (out.cpuCount == 0) return 'no enabled CPU in the MADT';
  return '';
}
