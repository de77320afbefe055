// The kernel, compiled from kernel/*.ts by tskc, boots from the disk image
// and shows its banner on the serial console and on the VGA screen.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKernelImage } from '../../compiler/cli/image.js';
import { useQemu } from '../harness/qemu.js';

const BANNER = 'tskc kernel: hello from TypeScript';

describe('kernel boot', () => {
  const img = buildKernelImage({ outDir: mkdtempSync(join(tmpdir(), 'tskc-kernel-')), debug: true });

  it('passes through the boot stages and prints the banner on serial', async () => {
    const vm = await useQemu({ image: img.diskImage, elf: img.kernelElf });
    await vm.waitForSerial('[boot] long mode');
    await vm.waitForSerial(BANNER);
    await vm.waitForSerial('kernel: halting');
  });

  it('clears the screen and shows the banner on VGA', async () => {
    const vm = await useQemu({ image: img.diskImage, elf: img.kernelElf });
    await vm.waitForSerial('kernel: halting');
    const screen = await vm.readScreen();
    expect(screen[0].trimEnd()).toBe(BANNER);
    // Everything the BIOS printed is gone.
    expect(screen.slice(1).every((line) => line.trim() === '')).toBe(true);
  });
});
