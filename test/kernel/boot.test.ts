// The kernel boots from the disk image, reports each init step on the serial
// line, and shows the same on the VGA screen (colours and the absolute-
// position title included).
import { describe, expect, it } from 'vitest';
import { BANNER, BOOT_MARKERS, bootKernel, bootTestKernel, PROMPT, terminalLines } from './kernel.js';

describe('kernel boot', () => {
  it('passes through the boot stages and reports every init step, in order', async () => {
    const vm = await bootKernel();
    await vm.waitForSerial('[boot] long mode');
    let since = 0;
    for (const marker of BOOT_MARKERS) since = (await vm.waitForSerial(marker, undefined, { since })).length;
    await vm.waitForSerial(PROMPT, undefined, { since }); // the shell, the first process
  });

  it('clears the screen and shows the log from the VGA step on, with colours and the title', async () => {
    // With no disk (the boot image on IDE): a boot with the disk logs its
    // virtio-blk and ext2 lines too, one more than the 25 lines of the screen.
    const vm = await bootTestKernel({ bootDisk: 'ide' });
    const screen = await vm.readScreen();
    const title = ' tskc kernel ';
    expect(screen[0]).toBe('[ok] vga'.padEnd(80 - title.length) + title);
    // From the VGA step on, the screen shows what the serial line got.
    const log = terminalLines(vm.serial().slice(vm.serial().indexOf('[ok] vga'))).map((l) => l.trimEnd());
    expect(log).toContain(BANNER);
    expect(log.at(-1)).toBe('>');
    expect(screen.slice(1, log.length).map((l) => l.trimEnd())).toEqual(log.slice(1));
    expect(screen.slice(1, 4).map((l) => l.trimEnd())).toEqual(['[ok] gdt', '[ok] tss', '[ok] idt']);
    expect(screen.some((l) => /^\[ok\] rtc \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(l.trimEnd()))).toBe(true);
    expect(screen.slice(log.length).every((line) => line.trim() === '')).toBe(true); // the BIOS text is gone
    const cells = await vm.readMemory(0xb8000, 80 * 2);
    const attr = (col: number): number => cells[col * 2 + 1]!;
    expect([attr(0), attr(1), attr(2), attr(3), attr(5)]).toEqual([0x07, 0x0a, 0x0a, 0x07, 0x07]); // "[ok] v": ok in light green
    expect(attr(79)).toBe(0x1f); // title: white on blue
  });
});
