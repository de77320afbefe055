// The VGA console after scrolling: once more than 25 lines have been
// printed, the screen holds exactly the last 25 lines the console printed
// (the serial line carries the same bytes, so it is the reference).
import { describe, expect, it } from 'vitest';
import { bootToPrompt, terminalLines, waitForEcho } from './kernel.js';

describe('kernel VGA console', () => {
  it('scrolls: the screen shows exactly the last 25 lines printed', async () => {
    const vm = await bootToPrompt();
    let at = vm.serial().length;
    // 20 input lines make 40 console lines, after the boot log.
    const input = Array.from({ length: 20 }, (_, i) => `line ${String(i).padStart(2, '0')} ${'#'.repeat(i)}`);
    await vm.sendSerial(input.map((l) => `${l}\r`).join(''));
    for (const l of input) at = await waitForEcho(vm, l, at);
    const kernelOutput = vm.serial().slice(vm.serial().indexOf('[ok] vga'));
    const expected = terminalLines(kernelOutput).slice(-25).map((l) => l.padEnd(80));
    expect(expected[24]).toBe('> '.padEnd(80));
    expect(expected[0]).toMatch(/^> line 08/); // the boot log and the first lines have scrolled away
    expect(await vm.readScreen()).toEqual(expected);
  });
});
