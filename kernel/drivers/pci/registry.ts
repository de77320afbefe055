// The PCI driver registry: a driver names what it handles (a vendor and
// device id, or a class and subclass; ANY matches everything) and a probe
// function. pciProbeAll offers every enumerated function that has no
// driver yet to each matching driver in registration order; the first
// probe that returns true owns it. docs/adding-a-pci-driver.md.
import { consoleWrite } from '../../console/console';
import { PciDevice } from './device';
import { pciDevices } from './enumerate';

/** Matches any id or class. */
export const ANY: u32 = 0xffff_ffff;
const MAX_DRIVERS: i32 = 16;

/** Takes the function `d` (true) or declines it (false). */
export type PciProbe = (d: PciDevice) => bool;

class PciDriver {
  constructor(
    readonly name: string,
    readonly vendor: u32,
    readonly device: u32,
    readonly classCode: u32,
    readonly subclass: u32,
    readonly probe: PciProbe,
  ) {}

  matches(d: PciDevice): bool {
    return (this.vendor == ANY || this.vendor == u32(d.vendor)) && (this.device == ANY || this.device == u32(d.device))
      && (this.classCode == ANY || this.classCode == u32(d.classCode)) && (this.subclass == ANY || this.subclass == u32(d.subclass));
  }
}

const drivers = new Array<PciDriver | null>(16);
let driverCount: i32 = 0;

/** Registers driver `name` for functions with these ids and class (ANY for any); `probe` decides. */
export function pciRegisterDriver(name: string, vendor: u32, device: u32, classCode: u32, subclass: u32, probe: PciProbe): void {
  if (driverCount == MAX_DRIVERS) throw new Error('pci: too many drivers');
  drivers[driverCount] = new PciDriver(name, vendor, device, classCode, subclass, probe);
  driverCount++;
}

/** Offers every function without a driver to the drivers that match it; returns how many were taken. */
export function pciProbeAll(): i32 {
  let taken: i32 = 0;
  for (let d = pciDevices(); d !== null; d = d.next) {
    for (let i: i32 = 0; i < driverCount && d.driver === null; i++) {
      const drv = drivers[i]!;
      if (!drv.matches(d)) continue;
      if (drv.probe(d)) {
        d.driver = drv.name;
        taken++;
        consoleWrite('pci: ');
        consoleWrite(drv.name);
        consoleWrite(' driver took a device\n');
      }
    }
  }
  return taken;
}
