// Virtio over PCI, the modern interface (virtio 1.x, 4.1): the device's
// vendor-specific capabilities point into its memory BARs at the common
// configuration, the notification area, the ISR status byte and the
// device-specific configuration. Every capability is checked before use
// (a memory BAR the kernel could map, the structure inside the BAR, the
// minimum sizes) and a device whose capabilities do not hold up is
// refused. docs/storage.md, "Virtio".
import { consoleWrite } from '../../console/console';
import { pciMapBar } from '../pci/bars';
import { CAP_VENDOR, pciCapFind } from '../pci/caps';
import { pciRead32, pciRead8 } from '../pci/config';
import { BAR_COUNT, PciDevice } from '../pci/device';

/** cfg_type of the virtio capabilities. */
const CFG_COMMON: u8 = 1;
const CFG_NOTIFY: u8 = 2;
const CFG_ISR: u8 = 3;
const CFG_DEVICE: u8 = 4;
/** The common configuration's size (through queue_device). */
const COMMON_BYTES: u32 = 0x38;

/** Where a device's four structures are mapped (kernel virtual addresses). */
export class VirtioTransport {
  common: usize = 0;
  notifyBase: usize = 0;
  notifyMultiplier: u32 = 0;
  notifyLength: u32 = 0;
  isr: usize = 0;
  deviceCfg: usize = 0;
  deviceCfgLength: u32 = 0;
}

/** The mapped address of capability `at`'s structure, at least `min` bytes; 0 (with a message) if it does not fit its BAR. */
function structure(d: PciDevice, at: u32, min: u32): usize {
  const bar = i32(pciRead8(d.bus, d.dev, d.fn, at + 4));
  const offset = u64(pciRead32(d.bus, d.dev, d.fn, at + 8));
  const length = u64(pciRead32(d.bus, d.dev, d.fn, at + 12));
  if (bar >= BAR_COUNT || length < u64(min) || offset + length > d.barSize[bar]) {
    consoleWrite('virtio: a capability points outside its BAR\n');
    return 0;
  }
  const base = pciMapBar(d, bar);
  return base == 0 ? 0 : usize(base + offset);
}

/** Finds and maps the virtio structures of `d` into `t`; false (with a message) if one is missing or bad. */
export function virtioTransportFind(d: PciDevice, t: VirtioTransport): bool {
  for (let nth: i32 = 0; ; nth++) {
    const at = pciCapFind(d, CAP_VENDOR, nth);
    if (at == 0) break;
    if (pciRead8(d.bus, d.dev, d.fn, at + 2) < 16) continue; // cap_len: too short to be a virtio capability
    const type = pciRead8(d.bus, d.dev, d.fn, at + 3);
    // The first capability of each type is the one to use (4.1.4): later ones are alternatives.
    if (type == CFG_COMMON && t.common == 0) t.common = structure(d, at, COMMON_BYTES);
    else if (type == CFG_ISR && t.isr == 0) t.isr = structure(d, at, 1);
    else if (type == CFG_DEVICE && t.deviceCfg == 0) {
      t.deviceCfg = structure(d, at, 1);
      t.deviceCfgLength = pciRead32(d.bus, d.dev, d.fn, at + 12);
    } else if (type == CFG_NOTIFY && t.notifyBase == 0 && pciRead8(d.bus, d.dev, d.fn, at + 2) >= 20) {
      t.notifyBase = structure(d, at, 2);
      t.notifyLength = pciRead32(d.bus, d.dev, d.fn, at + 12);
      t.notifyMultiplier = pciRead32(d.bus, d.dev, d.fn, at + 16);
    }
  }
  if (t.common == 0 || t.isr == 0 || t.notifyBase == 0) {
    consoleWrite('virtio: the device lacks the common, notify or ISR structure (not a modern device?)\n');
    return false;
  }
  return true;
}
