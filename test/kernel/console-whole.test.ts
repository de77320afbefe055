// Console writes reach the serial line whole (kernel/console/console.ts):
// a message an interrupt handler prints while a long write is going out
// comes after it, never inside. The CI failure this guards against: the
// DHCP client's "net: address …" line, printed from the timer, landed
// inside the boot banner ("t" + net line + "skc kernel: …").
import { describe, expect, it } from 'vitest';
import { bootTestKernel, sendCommand } from './kernel.js';

describe('console output', () => {
  it('keeps a timer message out of the middle of a long write', async () => {
    const vm = await bootTestKernel();
    const at = await sendCommand(vm, 'console whole');
    await vm.waitForSerial('console whole done', 60_000, { since: at });
    await vm.waitForSerial('tick line', 10_000, { since: at });
    const out = vm.serial().slice(at).replace(/\r\n/g, '\n');
    const run = /x+/.exec(out);
    expect(run?.[0].length).toBe(4096); // one unbroken run of the whole write
    expect(out.indexOf('tick line')).toBeGreaterThan(run!.index); // the tick's line came after it
  });
});
