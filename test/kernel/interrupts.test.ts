// The interrupt subsystem in the running kernel (test build, commands of
// kernel/testing/commands.ts): the PIT ticks at 100 Hz, a spurious IRQ 7 is
// counted and harmless, and 1,050 keys arrive through IRQ 1 without loss.
// The keys come in bursts as large as QEMU's PS/2 queue holds (sendKeys waits
// for the echo of each burst): what the kernel controls is that no key the
// controller delivered is lost, which its own counters show.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, sendCommand, waitForEcho } from './kernel.js';
import type { Qemu } from '../harness/qemu.js';

/** Sends `command` and returns the answer line matching `pattern` (its groups). */
async function ask(vm: Qemu, command: string, pattern: RegExp): Promise<RegExpMatchArray> {
  const at = await sendCommand(vm, command);
  const text = await vm.waitForSerial(pattern, undefined, { since: at });
  return text.slice(at).match(pattern)!;
}

describe('kernel interrupts (test build)', () => {
  it('counts timer ticks at 100 Hz: uptime advances, 10 ms per tick', async () => {
    const vm = await bootTestKernel();
    const uptime = /uptime (\d+) ticks (\d+) ms\r\n/;
    const first = await ask(vm, 'uptime', uptime);
    expect(Number(first[2])).toBe(Number(first[1]) * 10);
    let later = first;
    for (let i = 0; i < 200 && Number(later[1]) <= Number(first[1]); i++) later = await ask(vm, 'uptime', uptime);
    expect(Number(later[1])).toBeGreaterThan(Number(first[1]));
    expect(Number(later[2])).toBe(Number(later[1]) * 10);
  });

  it('counts a spurious IRQ 7 (no EOI) and keeps running', async () => {
    const vm = await bootTestKernel();
    expect((await ask(vm, 'irq7', /spurious irqs (\d+)\r\n/))[1]).toBe('1');
    expect((await ask(vm, 'irq7', /spurious irqs (\d+)\r\n/))[1]).toBe('2');
    // Still alive: timer and input work.
    await ask(vm, 'uptime', /uptime \d+ ticks/);
    const at = vm.serial().length;
    await vm.sendKeys('alive\n');
    await waitForEcho(vm, 'alive', at);
  });

  it('receives 1,050 keys typed in device-sized bursts without losing one', async () => {
    const vm = await bootTestKernel();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const lines = Array.from({ length: 50 }, (_, i) => Array.from({ length: 20 }, (_, j) => letters[(i * 7 + j) % 26]).join(''));
    let at = vm.serial().length;
    for (const l of lines) {
      await vm.sendKeys(`${l}\n`, { holdMs: 1 });
      at = await waitForEcho(vm, l, at);
    }
    const stats = await ask(vm, 'keys', /keyboard received (\d+) dropped (\d+)\r\n/);
    expect(Number(stats[1])).toBe(50 * 21);
    expect(stats[2]).toBe('0');
  });
});
