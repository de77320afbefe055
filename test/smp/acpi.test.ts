// ACPI under QEMU: the MADT lists as many CPUs as -smp gives, with QEMU's
// one I/O APIC and its interrupt overrides; without ACPI tables (-machine
// acpi=off) the kernel says why and keeps one CPU; the test build's `madt`
// command parses hand-made malformed tables and prints each verdict.
import { describe, expect, it } from 'vitest';
import { expectDocOutput } from '../docs/output.js';
import { useQemu } from '../harness/qemu.js';
import { BANNER, kernelBuild, sendCommand, testKernelBuild } from '../kernel/kernel.js';

describe('ACPI', () => {
  it('finds the MADT: CPUs, one I/O APIC, overrides, the local APIC', async () => {
    const k = await kernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus: 4 });
    await vm.waitForSerial('[ok] acpi');
    expect(vm.serial()).toMatch(/acpi: 4 CPUs, 1 I\/O APIC, 5 overrides, local APIC at 0xfee00000\r\n/);
    expectDocOutput('acpi-smp4', vm.serial()); // the example of docs/smp.md
  });

  it('falls back to one CPU when there are no ACPI tables', async () => {
    const k = await kernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus: 2, extraArgs: ['-machine', 'acpi=off'] });
    await vm.waitForSerial(BANNER);
    expect(vm.serial()).toContain('acpi: no RSDP; one CPU\r\n[ok] acpi');
  });

  it('refuses malformed MADTs, each with its reason', async () => {
    const k = await testKernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf });
    await vm.waitForSerial(`${BANNER}\r\n> `);
    const at = await sendCommand(vm, 'madt');
    const out = (await vm.waitForSerial('madt end', undefined, { since: at })).slice(at);
    const verdicts = out.split('\r\n').filter((l) => l.startsWith('madt ') && l !== 'madt end');
    expect(verdicts.map((l) => l.replace(/^.*?madt /, 'madt '))).toEqual([
      'madt good: ok 2',
      'madt checksum: table checksum wrong',
      'madt zero-length: MADT entry length out of range',
      'madt short: MADT entry too short for its type',
      'madt duplicate: two CPUs with one APIC id',
      'madt broadcast: a CPU with APIC id 0xFF',
      'madt lapic: local APIC address out of range',
      'madt empty: no enabled CPU in the MADT',
      'madt cut: MADT entry cut off',
    ]);
  });
});
