// The higher-half kernel as QEMU's monitor sees it (docs/memory-map.md):
// after boot, with several CPUs, no CPU's page tables map anything in the
// lower half that is not user-accessible (the kernel's own tables map
// nothing low: page 0, the boot identity map and the APs' trampoline are
// gone), the direct map and the kernel image are where the layout says,
// and every CPU in ring 0 runs at or above KERNEL_VMA. A fault report of
// the test build names a RIP in the top 2 GiB too.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootTestKernel, bootToShell, kernelBuild, sendCommand, testKernelBuild } from './kernel.js';
import type { Qemu } from '../harness/qemu.js';

const KERNEL_HALF = 0xffff_8000_0000_0000n;
const KERNEL_VMA = 0xffff_ffff_8000_0000n;
const DIRECT_MAP_BASE = 0xffff_8000_0000_0000n;
const CPUS = 2;

interface Range { start: bigint; end: bigint; user: boolean }

async function hmp(vm: Qemu, line: string, cpu: number): Promise<string> {
  return vm.qmp<string>('human-monitor-command', { 'command-line': line, 'cpu-index': cpu });
}

/** `info mem` of CPU `cpu`: its current page tables' mapped ranges. */
async function infoMem(vm: Qemu, cpu: number): Promise<Range[]> {
  const out = await hmp(vm, 'info mem', cpu);
  const ranges: Range[] = [];
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]{16})-([0-9a-f]{16}) [0-9a-f]{16} ([u-])r[w-]/.exec(line.trim());
    if (m) ranges.push({ start: BigInt('0x' + m[1]), end: BigInt('0x' + m[2]), user: m[3] === 'u' });
  }
  return ranges;
}

describe('higher-half kernel', () => {
  beforeAll(async () => {
    await Promise.all([kernelBuild(), testKernelBuild()]);
  });

  it(`maps nothing of the kernel low and runs in the top 2 GiB on ${CPUS} CPUs (QEMU monitor)`, async () => {
    const vm = await bootToShell();
    const serial = vm.serial();
    expect(serial).toContain(`smp: ${CPUS} CPUs online`);
    for (let cpu = 0; cpu < CPUS; cpu++) {
      const ranges = await infoMem(vm, cpu);
      expect(ranges.length, `cpu ${cpu}`).toBeGreaterThan(0);
      const lowKernel = ranges.filter((r) => r.start < KERNEL_HALF && !r.user);
      expect(lowKernel.map((r) => r.start.toString(16)), `cpu ${cpu}: supervisor mappings in the lower half`).toEqual([]);
      expect(ranges.some((r) => !r.user && r.start <= 0x10_0000n + KERNEL_VMA && r.end > 0x10_1000n + KERNEL_VMA), 'the kernel image at KERNEL_VMA').toBe(true);
      expect(ranges.some((r) => !r.user && r.start <= DIRECT_MAP_BASE + 0x20_0000n && r.end > DIRECT_MAP_BASE + 0x40_0000n), 'the direct map').toBe(true);
      const regs = await hmp(vm, 'info registers', cpu);
      const rip = /RIP=([0-9a-f]{16})/.exec(regs);
      const cpl = /CPL=(\d)/.exec(regs);
      expect(rip && cpl, regs).toBeTruthy();
      if (cpl![1] === '0') expect(BigInt('0x' + rip![1]) >= KERNEL_VMA, `cpu ${cpu} RIP ${rip![1]}`).toBe(true);
    }
  });

  it('a kernel fault report names a RIP above KERNEL_VMA', async () => {
    const vm = await bootTestKernel();
    const at = await sendCommand(vm, 'fault ud');
    await vm.waitForExit();
    const m = /rip=0x([0-9a-f]+) faultInvalidOpcode at /.exec(vm.serial().slice(at));
    expect(m, vm.serial().slice(at)).toBeTruthy();
    expect(BigInt('0x' + m![1]) >= KERNEL_VMA).toBe(true);
  });
});
