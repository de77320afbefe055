// The kernel boots from the disk image, reports each init step on the serial
// line, and shows the same on the VGA screen (its last 25 lines, with
// colours).
import { describe, expect, it } from 'vitest';
import { BANNER, BOOT_MARKERS, bootKernel, bootToPrompt, PROMPT, terminalLines } from './kernel.js';

describe('kernel boot', () => {
  it('passes through the boot stages and reports every init step, in order', async () => {
    const vm = await bootKernel();
    await vm.waitForSerial('[boot] long mode');
    let since = 0;
    for (const marker of BOOT_MARKERS) since = (await vm.waitForSerial(marker, undefined, { since })).length;
    await vm.waitForSerial(PROMPT, undefined, { since }); // the shell, the first process
  });

  it('clears the screen and shows the log from the VGA step on, with colours', async () => {
    const vm = await bootToPrompt();
    const screen = await vm.readScreen();
    // From the VGA step on, the screen shows what the serial line got: the
    // last 25 lines of it, since the boot log of several CPUs is longer (the
    // title at the top right scrolls away with the first lines).
    const log = terminalLines(vm.serial().slice(vm.serial().indexOf('[ok] vga'))).map((l) => l.trimEnd());
    expect(log).toContain(BANNER);
    expect(log.at(-1)).toBe('>');
    expect(log.slice(0, 4)).toEqual(['[ok] vga', '[ok] gdt', '[ok] tss', '[ok] idt']);
    expect(log.some((l) => /^\[ok\] rtc \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(l))).toBe(true);
    const shown = log.slice(-25);
    expect(screen.slice(0, shown.length).map((l) => l.trimEnd())).toEqual(shown);
    expect(screen.slice(shown.length).every((line) => line.trim() === '')).toBe(true); // the BIOS text is gone
    const row = screen.findIndex((l) => l.startsWith('[ok] sti'));
    expect(row).toBeGreaterThanOrEqual(0);
    const cells = await vm.readMemory(0xb8000 + row * 160, 80 * 2);
    const attr = (col: number): number => cells[col * 2 + 1]!;
    expect([attr(0), attr(1), attr(2), attr(3), attr(5)]).toEqual([0x07, 0x0a, 0x0a, 0x07, 0x07]); // "[ok] s": ok in light green
  });
});
