// TLB shootdown (kernel/smp/tlb.ts, docs/smp.md "TLB shootdown"). The test
// build's `cpus tlb`: CPU 1 reads a kernel page (its TLB then caches the
// translation), CPU 0 maps that page to another frame, CPU 1 reads again,
// four remaps in all, with CPU 1 halted (served by the IPI) or spinning for
// the big kernel lock (served in its spin loop): every read must see the
// frame mapped then. `cpus tlb off` remaps once without reaching CPU 1,
// which then reads the old frame through its stale entry: the case the
// shootdown exists for, and proof that the first test can fail. With four
// CPUs, /dev/cpus counts the shootdowns the boot and the shell's processes
// caused (kernel stacks' guard pages leave the kernel's map) and every
// other CPU served some.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { useQemu } from '../harness/qemu.js';
import type { Qemu } from '../harness/qemu.js';
import { BANNER, PROMPT, sendCommand, shellRun, testKernelBuild } from '../kernel/kernel.js';

const A = '0xa1a1a1a10000000a';
const B = '0xb2b2b2b20000000b';

async function boot(cpus: number): Promise<Qemu> {
  const k = await testKernelBuild();
  const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus });
  await vm.waitForSerial(`${BANNER}\r\n> `);
  return vm;
}

/** Runs `cpus tlb` or `cpus tlb off`; its answer lines without the line ends. */
async function tlbCommand(vm: Qemu, command: string): Promise<string[]> {
  const at = await sendCommand(vm, command);
  const out = (await vm.waitForSerial('cpus tlb end\r\n', undefined, { since: at })).slice(at);
  return out.split('\r\n').filter((l) => /^(tlb |cpus tlb:|cpus tlb end$)/.test(l)); // not the typed command's echo
}

describe('TLB shootdown', () => {
  it('-smp 2: a remapped kernel page reads right on the other CPU; without the shootdown it reads stale', async () => {
    const vm = await boot(2);
    const lines = await tlbCommand(vm, 'cpus tlb');
    expect(lines.filter((l) => l.startsWith('tlb read'))).toEqual([
      `tlb read 1: ${A} ok`, `tlb read 2: ${B} ok`, `tlb read 3: ${A} ok`, `tlb read 4: ${B} ok`, `tlb read 5: ${A} ok`,
    ]);
    const remaps = lines.filter((l) => l.startsWith('tlb remap'));
    expect(remaps, lines.join('\n')).toHaveLength(4);
    // After even reads CPU 1 spins for the lock with interrupts off: only its spin loop can serve the shootdown.
    expect(remaps[1]).toBe('tlb remap 2: by poll');
    expect(remaps[3]).toBe('tlb remap 4: by poll');
    // After odd reads it is halted: the IPI wakes it (unless its timer tick came first, so one of two is enough).
    expect(remaps[0]).toMatch(/^tlb remap 1: by (ipi|poll)$/);
    expect(remaps[2]).toMatch(/^tlb remap 3: by (ipi|poll)$/);
    expect(remaps[0] === 'tlb remap 1: by ipi' || remaps[2] === 'tlb remap 3: by ipi', lines.join('\n')).toBe(true);
    expect(lines).toContain('cpus tlb: reads 5 stale 0 shootdowns 5'); // four remaps and the clean-up

    const off = await tlbCommand(vm, 'cpus tlb off');
    expect(off, off.join('\n')).toEqual([
      `tlb read 1: ${A} ok`, 'tlb remap 1: none', `tlb read 2: ${A} stale`, 'cpus tlb: reads 2 stale 1 shootdowns 1', 'cpus tlb end',
    ]);
  }, hangLimit(180_000));

  it('-smp 4: every other CPU serves the shootdowns, counted in /dev/cpus', async () => {
    const vm = await boot(4);
    const lines = await tlbCommand(vm, 'cpus tlb');
    expect(lines, lines.join('\n')).toContain('cpus tlb: reads 5 stale 0 shootdowns 5');
    await sendCommand(vm, 'shell');
    await vm.waitForSerial(PROMPT);
    const rows = [...(await shellRun(vm, 'cat /dev/cpus')).matchAll(/^cpu (\d+) apic \d+ switches \d+ user-ticks \d+ tlb-sent (\d+) tlb-ipi (\d+) tlb-poll (\d+) wake-sent \d+ wake-ipi \d+$/gm)]
      .map((m) => ({ cpu: Number(m[1]), sent: Number(m[2]), served: Number(m[3]) + Number(m[4]) }));
    expect(rows.map((r) => r.cpu)).toEqual([0, 1, 2, 3]);
    const sent = rows.reduce((s, r) => s + r.sent, 0);
    const served = rows.reduce((s, r) => s + r.served, 0);
    expect(sent).toBeGreaterThanOrEqual(5);
    for (const r of rows.slice(1)) expect(r.served, `cpu ${r.cpu}`).toBeGreaterThanOrEqual(5); // at least `cpus tlb`'s
    expect(served).toBeLessThanOrEqual(3 * sent); // each shootdown reaches the other three CPUs at most
  }, hangLimit(180_000));
});
