// One PCI function as enumeration found it: where it is, what it is (ids
// and class), its BARs with their sizes, its interrupt line and pin, and
// the driver that took it. The list of all functions is pciDevices()
// (enumerate.ts). docs/storage.md, "PCI".

/** A BAR's kind. The upper half of a 64-bit BAR is BAR_UPPER. */
export const BAR_NONE: u8 = 0;
export const BAR_IO: u8 = 1;
export const BAR_MEM32: u8 = 2;
export const BAR_MEM64: u8 = 3;
export const BAR_UPPER: u8 = 4;
export const BAR_COUNT: i32 = 6;

export class PciDevice {
  bus: u32 = 0;
  dev: u32 = 0;
  fn: u32 = 0;
  vendor: u16 = 0;
  device: u16 = 0;
  classCode: u8 = 0;
  subclass: u8 = 0;
  progIf: u8 = 0;
  revision: u8 = 0;
  /** Header type without the multi-function bit: 0 a device, 1 a PCI-to-PCI bridge. */
  headerType: u8 = 0;
  /** The legacy interrupt line the firmware routed pin INTx to (0xff: none). */
  irqLine: u8 = 0;
  /** The interrupt pin: 0 none, 1–4 INTA–INTD. */
  irqPin: u8 = 0;
  /** Whether the status register announces a capability list. */
  hasCaps: bool = false;
  readonly barBase = new Uint64Array(6);
  readonly barSize = new Uint64Array(6);
  readonly barKind = new Uint8Array(6);
  readonly barPrefetch = new Uint8Array(6);
  /** The name of the driver whose probe took it, or null. */
  driver: string | null = null;
  /** The next function in enumeration order. */
  next: PciDevice | null = null;
}
