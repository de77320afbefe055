// Input reaches the kernel from both the PS/2 keyboard (QMP send-key, real
// scancodes) and the serial line, as the right characters: the echo loop
// prints each finished line back as "echo: <line>", control characters as ^X.
import { describe, expect, it } from 'vitest';
import { bootToPrompt, terminalLines, waitForEcho } from './kernel.js';

describe('kernel input', () => {
  it('translates keys: letters, digits, punctuation, shift, caps lock, ctrl, backspace, enter', async () => {
    const vm = await bootToPrompt();
    let at = vm.serial().length;
    await vm.sendKeys('Hello, World! 42 (a_b) "q"\n');
    at = await waitForEcho(vm, 'Hello, World! 42 (a_b) "q"', at);

    await vm.sendKey(['caps_lock']);
    const swapCase = (ch: string): string => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase());
    await vm.sendKeys('abc1D', { echo: swapCase }); // D is shift+d: lower case under caps lock
    await vm.sendKey(['caps_lock']);
    await vm.sendKeys('e\n');
    at = await waitForEcho(vm, 'ABC1de', at);

    for (const k of ['a', 'c', 'z']) await vm.sendKey(['ctrl', k], { echo: `^${k.toUpperCase()}` });
    await vm.sendKey(['ctrl', 'shift', 'd'], { echo: '^D' }); // shift does not change a control code
    await vm.sendKey(['enter']);
    at = await waitForEcho(vm, '^A^C^Z^D', at);

    await vm.sendKeys('hepo\b\bllo');
    await vm.sendKey(['ctrl', 'x'], { echo: '^X' });
    await vm.sendKeys('\b\n', { echo: (ch) => (ch === '\b' ? '\b \b\b \b' : '\r\n') }); // erases both cells of ^X
    at = await waitForEcho(vm, 'hello', at);

    await vm.sendKeys('\b\b\n', { echo: false }); // backspace on an empty line erases nothing, not even the prompt
    at = await waitForEcho(vm, '', at);

    // The screen shows what the terminal shows since the VGA step (row 0 also holds the title
    // until the log scrolls it away): its last 25 lines once there are more.
    const lines = terminalLines(vm.serial().slice(vm.serial().indexOf('[ok] vga'))).map((l) => l.trimEnd());
    const shown = (await vm.readScreen()).map((l) => l.trimEnd());
    if (lines.length < 25) {
      expect(shown.slice(1, lines.length)).toEqual(lines.slice(1));
      expect(shown.slice(lines.length).every((l) => l === '')).toBe(true);
    } else {
      expect(shown).toEqual(lines.slice(-25));
    }
  });

  it('receives bytes from the serial line: text, CR as enter, DEL as backspace, long bursts', async () => {
    const vm = await bootToPrompt();
    let at = vm.serial().length;
    await vm.sendSerial('hello serial\r');
    at = await waitForEcho(vm, 'hello serial', at);
    await vm.sendSerial('abx\x7fc\r');
    at = await waitForEcho(vm, 'abc', at);
    // More than the UART's 16-byte FIFO at once, several lines in one write.
    const burst = ['the quick brown fox jumps over it', 'THE QUICK BROWN FOX JUMPS OVER IT', '0123456789 ~!@#$%^&*()_+{}|:"<>?'];
    await vm.sendSerial(burst.map((l) => `${l}\r`).join(''));
    for (const l of burst) at = await waitForEcho(vm, l, at);
    // A line longer than the echo buffer keeps its first 36 bytes.
    await vm.sendSerial(`${'x'.repeat(50)}\r`);
    await waitForEcho(vm, 'x'.repeat(36), at);
  });
});
