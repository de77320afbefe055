// The `pci` boot step: enumerate every function, register the kernel's PCI
// drivers (one line each, below), and offer each function to them.
// docs/adding-a-pci-driver.md shows how a driver joins the list.
import { pciEnumerate } from './enumerate';
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

/** Finds the PCI functions and binds drivers to them (each driver names what it took; /dev/pci lists them all). */
export function pciInit(): void {
  pciEnumerate();
  registerDrivers();
  pciProbeAll();
}
