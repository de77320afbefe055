// Sleeping locks (kernel/proc/sleeplock.ts) in the test build: the legal
// uses leave the lock in the state they should, and each misuse (taking a
// lock one already holds alone, releasing one not held, giving back a share
// never taken) is a kernel panic with a message naming it, not a process
// that waits for ever or a lock count gone negative.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, sendCommand } from '../kernel/kernel.js';

describe('sleeping locks (test build)', () => {
  it('take, release and share as documented', async () => {
    const vm = await bootTestKernel();
    const at = await sendCommand(vm, 'sleeplock ok');
    const out = await vm.waitForSerial(/sleeplock (ok|wrong state)\r\n/, undefined, { since: at });
    expect(out.slice(at)).toContain('sleeplock ok\r\n');
  });

  it.each([
    ['sleeplock twice', 'sleeping lock: taken twice by its holder'],
    ['sleeplock release', 'sleeping lock: released by a process that does not hold it'],
    ['sleeplock unshare', 'sleeping lock: a share given back that was never taken'],
  ])('%s: a kernel panic naming the misuse', async (command, message) => {
    const vm = await bootTestKernel();
    const at = await sendCommand(vm, command);
    const out = (await vm.waitForSerial(`kernel panic: ${message}`, undefined, { since: at })).slice(at);
    expect(out).not.toContain('sleeplock ok');
  });
});
