// The `pci` boot step: enumerate every function, register the kernel's PCI
// drivers (one line each, below), and offer each function to them.
// docs/adding-a-pci-driver.md shows how a driver joins the list.
import { consoleWrite, consoleWriteUint } from '../../console/console';
import { pciDeviceCount, pciEnumerate } from './enumerate';
import { pciProbeAll } from './registry';

/** Registers every PCI driver the kernel has. */
function registerDrivers(): void {
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
