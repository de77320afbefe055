// Booting with 1, 2, 4 and 8 CPUs (-smp N; more than one under
// multi-threaded TCG): every CPU reports in ("cpu I: online, APIC id I",
// the boot CPU first, then each AP from its own GDT, TSS, stack and GS base),
// the boot CPU counts them, and the shell comes up as before. The waits are
// for serial markers only.
import { describe, expect, it } from 'vitest';
import { expectDocOutput } from '../docs/output.js';
import { useQemu } from '../harness/qemu.js';
import { BANNER, kernelBuild, PROMPT } from '../kernel/kernel.js';

describe('SMP start-up', () => {
  it.each([1, 2, 4, 8])('-smp %i: every CPU reports in, then the shell starts', async (cpus) => {
    const k = await kernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus });
    const online = cpus === 1 ? 'smp: 1 CPU online' : `smp: ${cpus} CPUs online`;
    await vm.waitForSerial(online);
    await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
    const lines = vm.serial().split('\r\n');
    const reports = lines.filter((l) => /^cpu \d+: online/.test(l));
    expect(reports).toEqual(Array.from({ length: cpus }, (_, i) => `cpu ${i}: online, APIC id ${i}`));
    expect(vm.serial()).toContain(`${online}\r\n[ok] smp\r\n`);
    if (cpus === 4) expectDocOutput('smp-start-4', vm.serial()); // the example of docs/smp.md
  });
});
