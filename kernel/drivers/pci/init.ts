// The `pci` boot step: enumerate every function, register the kernel's PCI
// drivers (one line each, below), and offer each function to them.
// docs/adding-a-pci-driver.md shows how a driver joins the list.
import { consoleWrite, consoleWriteUint } from '../../console/console';
import { pciDeviceCount, pciEnumerate } from './enumerate';
import { virtioBlkProbe } from '../virtio/blk';
import { virtioNetProbe } from '../virtio/net';
import { ANY, pciProbeAll, pciRegisterDriver } from './registry';

/** Registers every PCI driver the kernel has. */
function registerDrivers(): void {
  pciRegisterDriver('virtio-blk', 0x1af4, 0x1001, ANY, ANY, virtioBlkProbe); // transitional
  pciRegisterDriver('virtio-blk', 0x1af4, 0x1042, ANY, ANY, virtioBlkProbe); // modern only
  pciRegisterDriver('virtio-net', 0x1af4, 0x1000, ANY, ANY, virtioNetProbe); // transitional
  pciRegisterDriver('virtio-net', 0x1af4, 0x1041, ANY, ANY, virtioNetProbe); // modern only
}

/** Finds the PCI functions and binds drivers to them; says how many of each. */
export function pciInit(): void {
  pciEnumerate();
  registerDrivers();
  const taken = pciProbeAll();
  consoleWrite('pci: ');
  consoleWriteUint(u64(pciDeviceCount()));
  consoleWrite(' functions, ');
  consoleWriteUint(u64(taken));
  consoleWrite(' with a driver\n');
}
