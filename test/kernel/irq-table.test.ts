// The IRQ handler table (kernel/interrupts/irq.ts) in the running test
// build: the timer, keyboard and serial lines have their owners and count
// what they handled; an interrupt on a line nobody owns is counted,
// reported and the line masked, and the kernel keeps running.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, sendCommand } from './kernel.js';
import type { Qemu } from '../harness/qemu.js';

/** Sends `command` and returns the serial text it printed up to `end`. */
async function answer(vm: Qemu, command: string, end: RegExp): Promise<string> {
  const at = await sendCommand(vm, command);
  return (await vm.waitForSerial(end, undefined, { since: at })).slice(at).replace(/\r\n/g, '\n');
}

describe('IRQ handler table', () => {
  it('routes each line to its owners and reports, counts and masks a line without one', async () => {
    const vm = await bootTestKernel();
    let ticks = 0;
    for (let i = 0; i < 200 && ticks === 0; i++) ticks = Number(/uptime (\d+) ticks/.exec(await answer(vm, 'uptime', /ms\r\n/))![1]);
    const table = await answer(vm, 'irqs', /irqs end\r\n/);
    const row = (irq: number): RegExpMatchArray | null => new RegExp(`^irq ${irq} owners ([^\\n]*) handled (\\d+) unhandled (\\d+)$`, 'm').exec(table);
    expect(row(0)?.[1]).toBe('timer');
    expect(Number(row(0)?.[2])).toBeGreaterThanOrEqual(ticks); // every tick was one IRQ 0 the timer claimed
    expect(ticks).toBeGreaterThan(0);
    expect(row(1)?.[1]).toBe('keyboard');
    expect(row(4)?.[1]).toBe('serial');
    expect(Number(row(4)?.[2])).toBeGreaterThan(0); // the command itself came in through IRQ 4
    expect(row(13)).toBeNull();

    const out = await answer(vm, 'irq13', /unhandled irqs \d+\r\n/);
    expect(out).toContain('irq: IRQ 13 has no handler; masked\n');
    expect(out).toContain('unhandled irqs 1\n');
    const after = await answer(vm, 'irqs', /irqs end\r\n/);
    expect(after).toMatch(/^irq 13 owners handled 0 unhandled 1$/m);
    expect(await answer(vm, 'uptime', /uptime \d+ ticks \d+ ms\r\n/)).toMatch(/uptime \d+ ticks/); // still alive
  });
});
