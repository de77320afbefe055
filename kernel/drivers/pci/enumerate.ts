// Finding every PCI function: each of the 256 buses, 32 devices per bus
// and, for a multi-function device, 8 functions; a vendor id of 0xFFFF
// means nothing answers there. Each function found becomes a PciDevice
// with its ids, class, BARs, interrupt line and pin, on one list in
// enumeration order. docs/storage.md, "PCI".
import {
  PCI_CLASS, PCI_DEVICE, PCI_HEADER_TYPE, PCI_INTERRUPT_LINE, PCI_INTERRUPT_PIN, PCI_PROG_IF, PCI_REVISION, PCI_STATUS,
  PCI_SUBCLASS, PCI_VENDOR, pciRead16, pciRead8, STATUS_CAP_LIST,
} from './config';
import { pciReadBars } from './bars';
import { PciDevice } from './device';

const NO_VENDOR: u16 = 0xffff;
const MULTI_FUNCTION: u8 = 0x80;

let first: PciDevice | null = null;
let last: PciDevice | null = null;
let count: i32 = 0;

/** The first function found (the list goes on through `next`), or null before pciEnumerate or with no PCI. */
export function pciDevices(): PciDevice | null {
  return first;
}

/** How many functions pciEnumerate found. */
export function pciDeviceCount(): i32 {
  return count;
}

function add(bus: u32, dev: u32, fn: u32): void {
  const d = new PciDevice();
  d.bus = bus;
  d.dev = dev;
  d.fn = fn;
  d.vendor = pciRead16(bus, dev, fn, PCI_VENDOR);
  d.device = pciRead16(bus, dev, fn, PCI_DEVICE);
  d.revision = pciRead8(bus, dev, fn, PCI_REVISION);
  d.progIf = pciRead8(bus, dev, fn, PCI_PROG_IF);
  d.subclass = pciRead8(bus, dev, fn, PCI_SUBCLASS);
  d.classCode = pciRead8(bus, dev, fn, PCI_CLASS);
  d.headerType = pciRead8(bus, dev, fn, PCI_HEADER_TYPE) & 0x7f;
  d.hasCaps = (pciRead16(bus, dev, fn, PCI_STATUS) & STATUS_CAP_LIST) != 0;
  if (d.headerType <= 1) {
    d.irqLine = pciRead8(bus, dev, fn, PCI_INTERRUPT_LINE);
    d.irqPin = pciRead8(bus, dev, fn, PCI_INTERRUPT_PIN);
    pciReadBars(d, d.headerType == 0 ? 6 : 2); // a bridge has two BARs; a CardBus bridge (2) none we use
  }
  if (last === null) first = d;
  else last.next = d;
  last = d;
  count++;
}

/** Finds every function on every bus (once, at boot). */
export function pciEnumerate(): void {
  for (let bus: u32 = 0; bus < 256; bus++) {
    for (let dev: u32 = 0; dev < 32; dev++) {
      if (pciRead16(bus, dev, 0, PCI_VENDOR) == NO_VENDOR) continue;
      const multi = (pciRead8(bus, dev, 0, PCI_HEADER_TYPE) & MULTI_FUNCTION) != 0;
      const fns: u32 = multi ? 8 : 1;
      for (let fn: u32 = 0; fn < fns; fn++) {
        if (pciRead16(bus, dev, fn, PCI_VENDOR) != NO_VENDOR) add(bus, dev, fn);
      }
    }
  }
}
