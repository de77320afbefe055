// Spinlocks (kernel/cpu/spinlock.ts) in the test build: nested locks turn
// interrupts off while held and restore them as they were; the test build's
// checks turn a recursive acquire, a lock-order violation and a lock held
// where the scheduler switches away into a kernel panic (runtime/kernel/panic.ts:
// the report, then the CPU halts) after a line naming the lock(s).
import { describe, expect, it } from 'vitest';
import { bootTestKernel, sendCommand } from '../kernel/kernel.js';

describe('spinlocks (test build)', () => {
  it('turns interrupts off while held and restores them as they were', async () => {
    const vm = await bootTestKernel();
    const at = await sendCommand(vm, 'spin ok');
    const out = await vm.waitForSerial(/spin (ok if|wrong).*\r\n/, undefined, { since: at });
    expect(out.slice(at)).toContain('spin ok if on off\r\n');
  });

  it.each([
    ['spin recursive', 'spinlock spin-a: taken again by the CPU that holds it'],
    ['spin order', 'spinlock spin-a: taken while holding the lock of a rank not below it, spin-b'],
    ['spin sleep', 'spinlock spin-a: held where the scheduler switches away'],
  ])('%s: a panic naming the lock', async (command, message) => {
    const vm = await bootTestKernel();
    const at = await sendCommand(vm, command);
    const out = (await vm.waitForSerial('kernel panic: spinlock misuse (the line above names the lock)\r\n', undefined, { since: at })).slice(at);
    expect(out).toContain(`\r\n${message}\r\n`);
  });
});
