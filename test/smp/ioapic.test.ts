// The legacy IRQs through the I/O APIC (kernel/smp/ioapic.ts): after the
// boot, QEMU's `info pic` shows both 8259s fully masked and the I/O APIC's
// pins for the PIT (GSI 2, the MADT's override of IRQ 0), the keyboard
// (1) and COM1 (4) unmasked at vectors 0x20 + IRQ, edge triggered, to the
// boot CPU, and every unmasked PCI line (the virtio devices') level
// triggered as the overrides say; the shell still answers over the serial
// line and reads the disk (its interrupts come through the I/O APIC now).
import { describe, expect, it } from 'vitest';
import { bootToShell, shellRun } from '../kernel/kernel.js';

describe('I/O APIC', () => {
  it('carries the PIT, keyboard, serial and virtio lines; the 8259s are masked', async () => {
    const vm = await bootToShell();
    expect(vm.serial()).toContain('smp: IRQs through the I/O APIC to cpu 0; 8259s masked\r\n');
    const pic = await vm.qmp<string>('human-monitor-command', { 'command-line': 'info pic' });
    expect(pic.match(/^pic[01]: .*imr=ff /gm), pic).toHaveLength(2);
    const pins = new Map([...pic.matchAll(/^ {2}pin (\d+) +0x[0-9a-f]+ dest=(\d+) vec=(\d+) +(active-hi|active-lo) (edge|level) +(masked)? *fixed +physical/gm)]
      .map((m) => [Number(m[1]), { dest: m[2], vec: Number(m[3]), trigger: m[5], masked: m[6] === 'masked' }]));
    expect(pins.size, pic).toBeGreaterThanOrEqual(16);
    for (const [gsi, irq] of [[2, 0], [1, 1], [4, 4]]) expect(pins.get(gsi), `pin ${gsi}`).toEqual({ dest: '0', vec: 0x20 + irq, trigger: 'edge', masked: false });
    const pci = [...pins].filter(([gsi, p]) => !p.masked && [5, 9, 10, 11].includes(gsi));
    expect(pci.length, pic).toBeGreaterThan(0); // the virtio disk's line at least
    for (const [gsi, p] of pci) expect(p, `pin ${gsi}`).toMatchObject({ vec: 0x20 + gsi, trigger: 'level' });
    expect(await shellRun(vm, 'echo routed')).toBe('routed\n');
    expect(await shellRun(vm, 'cat /etc/motd')).not.toMatch(/^$|cannot open/); // read from the virtio disk
  });
});
