// The kernel's memory management under QEMU (kernel/mm/init.ts): the usable
// RAM it reports from the E820 map for 128 MiB, 512 MiB and 5 GiB guests,
// the frame allocator's view of it (all of it, once the kernel runs on its
// own page tables), the kernel page tables' checks and activation (SMEP and
// SMAP with -cpu max), and the boot-time self-test of frames, heap and `new`.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKernelImageAsync } from '../harness/build.js';
import { useQemu } from '../harness/qemu.js';
import { Elf } from '../../compiler/debug/elf.js';

const MiB = 1024 * 1024;

interface MmReport {
  usable: number;
  allocatable: number;
  frames: number;
  held: number;
}

function parse(serial: string): MmReport {
  const num = (re: RegExp): number => {
    const m = re.exec(serial);
    if (!m) throw new Error(`no ${re} in the serial output:\n${serial}`);
    return Number(m[1]);
  };
  return {
    usable: num(/mm: usable RAM (\d+) KiB/) * 1024,
    allocatable: num(/mm: allocatable RAM (\d+) KiB/) * 1024,
    frames: num(/mm: frames total (\d+)/),
    held: num(/mm: frames total \d+ free \d+ held (\d+)/),
  };
}

describe('kernel memory management', () => {
  let img = { diskImage: '', kernelElf: '' };
  beforeAll(async () => {
    img = await buildKernelImageAsync({ outDir: mkdtempSync(join(tmpdir(), 'tskc-kernel-mm-')), debug: true });
  });

  /**
   * Everything but the kernel image (user programs included, so it grows
   * with them), the two frame bitmaps and at most 1 MiB of page tables and
   * low memory is handed out.
   */
  function leastAllocatable(r: MmReport): number {
    const bssEnd = Elf.read(img.kernelElf).symbols().find((x) => x.name === '__bss_end')!.value;
    const image = Number(bssEnd) - MiB;
    const bitmaps = 2 * Math.ceil(r.frames / 8);
    return r.usable - image - bitmaps - MiB;
  }

  async function boot(memoryMiB: number, cpu?: string): Promise<MmReport & { serial: string }> {
    const vm = await useQemu({ image: img.diskImage, memoryMiB, extraArgs: cpu ? ['-cpu', cpu] : [] });
    const serial = await vm.waitForSerial('[ok] memory');
    expect(serial).toMatch(/mm: kernel page tables built: \d+ tables, no user entries, W\^X sections/);
    expect(serial).toContain('mm: self-test passed');
    const r = parse(serial);
    expect(r.allocatable).toBe(r.frames * 4096);
    return { ...r, serial };
  }

  it('uses the RAM of a default (128 MiB) guest', async () => {
    const r = await boot(128);
    // QEMU's E820: 0–0x9FC00 and 1 MiB–0x7FE0000 usable (~127.5 MiB), less the kernel image and its bitmaps.
    expect(r.usable).toBeGreaterThan(127 * MiB);
    expect(r.usable).toBeLessThan(128 * MiB);
    expect(r.allocatable).toBeGreaterThan(leastAllocatable(r));
    expect(r.allocatable).toBeLessThan(r.usable - MiB);
    expect(r.held).toBe(0);
  });

  it('uses the RAM above 128 MiB of a 512 MiB guest', async () => {
    const r = await boot(512);
    expect(r.usable).toBeGreaterThan(510 * MiB);
    expect(r.allocatable).toBeGreaterThan(leastAllocatable(r));
    expect(r.allocatable).toBeLessThan(511 * MiB);
    expect(r.held).toBe(0);
  });

  it('maps and hands out all RAM of a 5 GiB guest, above 4 GiB too', async () => {
    const r = await boot(5120);
    // QEMU puts 3 GiB below the PCI hole and the remaining 2 GiB at 4 GiB.
    expect(r.usable).toBeGreaterThan(5119 * MiB);
    expect(r.allocatable).toBeGreaterThan(leastAllocatable(r));
    expect(r.held).toBe(0);
    expect(r.serial).toContain('mm: running on the kernel page tables (NX, WP)\r\n');
  });

  it('turns on SMEP and SMAP when the CPU has them (-cpu max)', async () => {
    const r = await boot(128, 'max');
    expect(r.serial).toContain('mm: running on the kernel page tables (NX, WP, SMEP, SMAP)');
  });
});
