// Shared by the storage tests: the kernel booted with virtio-blk disks
// attached (test/harness/qemu.ts virtioDisks; the boot image stays on IDE,
// so the test's disks are the kernel's disks 0, 1, ...), and small raw
// images made in a temp directory.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useQemu, type Qemu, type VirtioDisk } from '../harness/qemu.js';
import { BANNER, kernelBuild, PROMPT, testKernelBuild } from '../kernel/kernel.js';

/** Boots the kernel with `disks` (and `cpus` guest CPUs, else the default) and waits for the shell's first prompt. */
export async function bootShellWithDisks(disks: VirtioDisk[], cpus?: number): Promise<Qemu> {
  const k = await kernelBuild();
  const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, virtioDisks: disks, bootDisk: 'ide', cpus });
  await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
  return vm;
}

/** Boots the test build with `disks` and waits for the echo loop's prompt. */
export async function bootTestKernelWithDisks(disks: VirtioDisk[]): Promise<Qemu> {
  const k = await testKernelBuild();
  const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, virtioDisks: disks, bootDisk: 'ide' });
  await vm.waitForSerial(`${BANNER}\r\n> `);
  return vm;
}

/** A raw image of `bytes` in a fresh temp directory; returns its path. */
export function makeImage(bytes: Buffer, name = 'disk.img'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tskc-storage-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** A copy of the kernel's disk image (build/disk.img of this tree) changed by `damage`; its path. */
export async function damagedCopy(damage: (bytes: Buffer) => void): Promise<string> {
  const k = await kernelBuild();
  const file = join(mkdtempSync(join(tmpdir(), 'tskc-bootdisk-')), 'disk.img');
  copyFileSync(k.diskImage, file);
  const bytes = readFileSync(file);
  damage(bytes);
  writeFileSync(file, bytes);
  return file;
}
