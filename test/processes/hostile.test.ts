// The hostile program (issue #22) on the kernel: every group of adversarial
// calls gets the documented results, and the kernel's free frames and heap
// are exactly what they were before it ran. The keys group asks for "ab"
// on the console; the test types it once the request is on the serial line.
import { describe, expect, it } from 'vitest';
import { bootToShell, PROMPT, shellRun } from '../kernel/kernel.js';

/** The groups userland/programs/hostile.ts reports, in order. */
const GROUPS = ['tables', 'ranges', 'console', 'keys', 'stack', 'mmap'];
const ASK = 'hostile: keys: type ab\r\n';

describe('hostile system calls', () => {
  it('get the documented result each, and leave every frame and heap byte where it was', async () => {
    const vm = await bootToShell();
    const before = await shellRun(vm, 'mem');
    const at = vm.serial().length;
    await vm.sendSerial('spawn hostile\r');
    await vm.waitForSerial(ASK, 120_000, { since: at });
    await vm.sendSerial('ab');
    const out = (await vm.waitForSerial(`\r\n${PROMPT}`, 120_000, { since: at })).slice(at).replace(/\r\n/g, '\n');
    const lines = GROUPS.map((g) => `hostile: ${g === 'keys' ? 'keys: type ab\nhostile: keys' : g} ok\n`);
    expect(out).toBe(`spawn hostile\n${lines.join('')}hostile: done, 0 failed\n${PROMPT}`);
    expect(await shellRun(vm, 'mem')).toBe(before);
  }, 180_000);
});
