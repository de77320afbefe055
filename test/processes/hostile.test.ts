// The hostile program (issue #22) on the kernel: every group of adversarial
// calls gets the documented results, and the kernel's free frames and heap
// are exactly what they were at boot. The keys group asks for "ab"
// on the console; the test types it once the request is on the serial line.
import { describe, expect, it } from 'vitest';
import { bootToShell, PROMPT, shellRun } from '../kernel/kernel.js';

/** The groups userland/programs/hostile.ts reports, in order. */
const GROUPS = ['tables', 'ranges', 'console', 'keys', 'stack', 'mmap', 'prot', 'flood', 'sync', 'numbers', 'signals', 'files', 'priv'];
const ASK = 'hostile: keys: type ab\r\n';

describe('hostile system calls', () => {
  it('get the documented result each, and leave every frame and heap byte where it was', async () => {
    const vm = await bootToShell();
    const before = await shellRun(vm, 'mem');
    const at = vm.serial().length;
    await vm.sendSerial('spawn hostile\r');
    await vm.waitForSerial(ASK, 120_000, { since: at });
    await vm.sendSerial('ab');
    let out = (await vm.waitForSerial(`\r\n${PROMPT}`, 120_000, { since: at })).slice(at).replace(/\r\n/g, '\n');
    // The prot group's two children are killed: a read of PROT_NONE memory (error 4: user read, not present)
    // and a write of read-only memory (error 7: user write, present); the signals group's `hostile gs` reads
    // address 0 through GS (error 4); the priv group's twelve by #GP, each
    // at its own instruction of privileged().
    const faults = [...out.matchAll(/\nhostile \(pid \d+\) killed: #PF page fault \(vector 14\) error=0x0*(\d)\n {2}rip=.*\n {2}cr2=.*\n/g)];
    expect(faults.map((k) => k[1])).toEqual(['4', '7', '4']); // and the signals group's read through GS (error 4 at cr2 0)
    expect(faults[2][0]).toMatch(/cr2=0x0+\n$/);
    const gps = [...out.matchAll(/\nhostile \(pid \d+\) killed: #GP general protection \(vector 13\) error=0x0+\n {2}rip=0x\w+ privileged at userland\/programs\/hostile\.ts:(\d+)\n/g)];
    expect(new Set(gps.map((k) => k[1])).size).toBe(12);
    for (const k of [...faults, ...gps]) out = out.replace(k[0], '');
    const lines = GROUPS.map((g) => `hostile: ${g === 'keys' ? 'keys: type ab\nhostile: keys' : g} ok\n`);
    expect(out).toBe(`spawn hostile\n${lines.join('')}hostile: done, 0 failed\n${PROMPT}`);
    expect(await shellRun(vm, 'mem')).toBe(before);
  }, 180_000);
});
