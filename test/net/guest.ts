// The network tests' guest: the kernel booted with a virtio-net NIC (on
// QEMU's user-mode network with forwards from 127.0.0.1, or on a dgram
// wire to the test), ready once the shell prompts and the interface is
// configured; and httpd started in it.
import { BANNER, PROMPT, kernelBuild, rcKernelBuild, shellRun } from '../kernel/kernel.js';
import { useQemu, type GuestNetwork, type Qemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';

/**
 * Boots with `network` and waits for the prompt and the line ending in
 * `configured` ("(dhcp)" or "(the static fallback)"); `rc`: the kernel
 * whose disk has /etc/rc, as `npm start`'s (httpd starts at boot).
 */
export async function bootOnNetwork(network: GuestNetwork, configured: string, o: { rc?: boolean; cpus?: number } = {}): Promise<Qemu> {
  const k = await (o.rc === true ? rcKernelBuild() : kernelBuild());
  const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, network, cpus: o.cpus });
  await vm.waitForSerial(BANNER);
  await vm.waitForSerial(PROMPT); // the network's line may come before or after the first prompt
  await vm.waitForSerial(`${configured}\r\n`, hangLimit(60_000));
  return vm;
}

/** Starts `httpd 80 any` in the background and waits until it listens. */
export async function startHttpd(vm: Qemu): Promise<void> {
  const at = vm.serial().length;
  await shellRun(vm, 'httpd 80 any &');
  await vm.waitForSerial('httpd: listening on port 80\r\n', hangLimit(30_000), { since: at }); // the whole line: a command typed next must not start inside it
}
