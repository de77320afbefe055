// The hostile program (issue #22) on the kernel: every group of adversarial
// calls gets the documented results, and the kernel's free frames and heap
// are exactly what they were before it ran.
import { describe, expect, it } from 'vitest';
import { bootToShell, shellRun } from '../kernel/kernel.js';

/** The groups userland/programs/hostile.ts reports, in order. */
const GROUPS = ['tables', 'ranges', 'console'];

describe('hostile system calls', () => {
  it('get the documented result each, and leave every frame and heap byte where it was', async () => {
    const vm = await bootToShell();
    const before = await shellRun(vm, 'mem');
    const out = await shellRun(vm, 'spawn hostile', 120_000);
    expect(out).toBe(`${GROUPS.map((g) => `hostile: ${g} ok\n`).join('')}hostile: done, 0 failed\n`);
    expect(await shellRun(vm, 'mem')).toBe(before);
  }, 180_000);
});
