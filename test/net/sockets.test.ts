// Sockets over 127.0.0.1 (issue #17): the sockets program's checks on the
// host (Linux is the reference) and on the tskc kernel's loopback
// interface, with the same output, and nothing left behind in the kernel.
import { describe, expect, it } from 'vitest';
import { bootToShell, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';

const GROUPS = ['udp', 'options', 'errors'];
const EXPECTED = GROUPS.map((g) => `sockets: ${g} ok\n`).join('') + 'sockets: done, 0 failed\n';

describe('sockets', () => {
  it('pass on Linux: the reference for every call, flag and errno the program checks', async () => {
    const r = await run(buildUserProgram('programs/sockets.ts'), []);
    expect(r.stdout).toBe(EXPECTED);
    expect(r.exitCode).toBe(0);
  });

  it('pass on tskc over the loopback interface, with every socket and packet buffer given back', async () => {
    const vm = await bootToShell();
    const before = await shellRun(vm, 'mem');
    expect(await shellRun(vm, 'sockets')).toBe(EXPECTED);
    expect(await shellRun(vm, 'sockets')).toBe(EXPECTED); // ports, sockets and buffers were freed: a second run works the same
    expect(await shellRun(vm, 'mem')).toBe(before);
  }, hangLimit(120_000));
});
