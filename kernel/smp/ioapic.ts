// The I/O APIC: once the local APICs run, the legacy IRQ lines (the PIT,
// the keyboard, COM1 and the PCI lines the virtio devices use) come
// through it instead of the 8259s, which are then masked for good. Each
// ISA IRQ n (0-15 but the cascade, 2) goes to the global system interrupt
// the MADT's overrides name (QEMU: IRQ 0 is GSI 2; 5, 9, 10 and 11 are
// level triggered), else GSI n, with the override's polarity and trigger
// mode (ISA's default: active high, edge), at vector 0x20 + n, fixed
// delivery to the boot CPU's APIC id; a line stays masked until a driver
// registers for it (irq.ts). The end of such an interrupt goes to the
// local APIC (its EOI also ends a level-triggered line's in-service state
// here). Registers: IOREGSEL at +0 selects, IOWIN at +0x10 reads or
// writes; the redirection table's entry i is the register pair 0x10 + 2i.
// docs/smp.md, "I/O APIC".
import { Madt } from '../acpi/madt';
import { kmapDevice } from '../mm/kmap';
import { physToVirt } from '../mm/phys';

const IOREGSEL: usize = 0;
const IOWIN: usize = 0x10;
const REG_VERSION: u32 = 1;
const REG_TABLE: u32 = 0x10;
const MASKED: u32 = 1 << 16;
const LEVEL: u32 = 1 << 15;
const ACTIVE_LOW: u32 = 1 << 13;
/** MPS INTI flags of an override: polarity in bits 0-1, trigger mode in bits 2-3 (3: active low, level). */
const INTI_POLARITY_LOW: u32 = 3;
const INTI_TRIGGER_LEVEL: u32 = 3 << 2;
const ISA_IRQS: u32 = 16;
const CASCADE_IRQ: u32 = 2;

let base: usize = 0;
let entries: u32 = 0;
/** Each ISA IRQ's redirection entry index (0xFF: none) and its low word while unmasked. */
const entryOf = new Uint8Array(16);
const lowWord = new Uint32Array(16);

function read(reg: u32): u32 {
  volatileStore<u32>(base + IOREGSEL, reg);
  return volatileLoad<u32>(base + IOWIN);
}

function write(reg: u32, v: u32): void {
  volatileStore<u32>(base + IOREGSEL, reg);
  volatileStore<u32>(base + IOWIN, v);
}

function setEntry(i: u32, low: u32, high: u32): void {
  write(REG_TABLE + 2 * i, MASKED); // masked while the halves change
  write(REG_TABLE + 2 * i + 1, high);
  write(REG_TABLE + 2 * i, low);
}

/**
 * Programs the first I/O APIC of `madt` for ISA IRQs 0-15 to the CPU with
 * APIC id `dest`, every line masked. Returns '' or why it cannot be used
 * (no I/O APIC, its GSI base not 0, fewer than 16 entries, an override
 * pointing past its table).
 */
export function ioapicInit(madt: Madt, dest: u32): string {
  if (madt.ioApicCount == 0) return 'no I/O APIC';
  if (madt.ioApicGsiBase[0] != 0) return 'the I/O APIC does not start at GSI 0';
  const phys = madt.ioApicAddress[0];
  kmapDevice(phys, 4096);
  base = physToVirt(phys);
  entries = ((read(REG_VERSION) >> 16) & 0xff) + 1;
  if (entries < ISA_IRQS || entries > 240) return 'the I/O APIC has too few redirection entries';
  for (let i: u32 = 0; i < entries; i++) setEntry(i, MASKED | 0xfe, 0); // quiet until claimed
  for (let irq: u32 = 0; irq < ISA_IRQS; irq++) {
    entryOf[irq] = 0xff;
    if (irq == CASCADE_IRQ) continue;
    let gsi = irq;
    let flags: u32 = 0;
    for (let k: i32 = 0; k < madt.overrideCount; k++) {
      if (madt.overrideIrq[k] != irq) continue;
      gsi = madt.overrideGsi[k];
      flags = madt.overrideFlags[k];
    }
    if (gsi >= entries) return 'an interrupt source override names a GSI past the I/O APIC';
    let low = 0x20 + irq;
    if ((flags & 3) == INTI_POLARITY_LOW) low |= ACTIVE_LOW;
    if ((flags & (3 << 2)) == INTI_TRIGGER_LEVEL) low |= LEVEL;
    entryOf[irq] = u8(gsi);
    lowWord[irq] = low;
    setEntry(gsi, low | MASKED, dest << 24);
  }
  return '';
}

/** Lets ISA IRQ `irq` through. */
export function ioapicUnmask(irq: u32): void {
  if (irq >= ISA_IRQS || entryOf[irq] == 0xff) return;
  write(REG_TABLE + 2 * u32(entryOf[irq]), lowWord[irq]);
}

/** Blocks ISA IRQ `irq`. */
export function ioapicMask(irq: u32): void {
  if (irq >= ISA_IRQS || entryOf[irq] == 0xff) return;
  write(REG_TABLE + 2 * u32(entryOf[irq]), lowWord[irq] | MASKED);
}
