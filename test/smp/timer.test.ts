// The APs' local APIC timers (kernel/smp/timer.ts): calibrated against the
// PIT on the boot CPU and started on each AP, so with -smp 4 every CPU's
// tick count goes up (the test build's `cpus` command; the boot CPU counts
// the PIT's). The test polls the counts until each has moved, no sleeps.
import { describe, expect, it } from 'vitest';
import { useQemu } from '../harness/qemu.js';
import { BANNER, sendCommand, testKernelBuild } from '../kernel/kernel.js';
import type { Qemu } from '../harness/qemu.js';

/** Every CPU's tick count, by the `cpus` command. */
async function cpuTicks(vm: Qemu): Promise<number[]> {
  const at = await sendCommand(vm, 'cpus');
  const out = (await vm.waitForSerial('cpus end\r\n', undefined, { since: at })).slice(at);
  return [...out.matchAll(/^cpu (\d+) ticks (\d+)\r$/gm)].map((m) => Number(m[2]));
}

describe('local APIC timers', () => {
  it('-smp 4: every CPU counts timer ticks', async () => {
    const k = await testKernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus: 4 });
    await vm.waitForSerial(`${BANNER}\r\n> `);
    expect(vm.serial()).toMatch(/smp: local APIC timer \d+ counts per 10 ms\r\n/);
    const first = await cpuTicks(vm);
    expect(first).toHaveLength(4);
    let now = first;
    for (let i = 0; i < 500 && now.some((t, j) => t <= first[j]!); i++) now = await cpuTicks(vm);
    expect(now.every((t, j) => t > first[j]!), `ticks ${first.join(' ')} -> ${now.join(' ')}`).toBe(true);
  });
});
