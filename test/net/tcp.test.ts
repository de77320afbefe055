// TCP over 127.0.0.1 (issue #17): the tcp program's checks on the host
// (Linux is the reference) and on the tskc kernel's loopback interface,
// with the same output; a bulk transfer; nothing left behind in the kernel.
import { describe, expect, it } from 'vitest';
import { bootToShell, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';

const GROUPS = ['connect', 'data', 'fin', 'refused', 'reset', 'reuse', 'timewait', 'errors'];
const EXPECTED = GROUPS.map((g) => `tcp: ${g} ok\n`).join('') + 'tcp: done, 0 failed\n';

describe('tcp', () => {
  it('passes on Linux: handshake, data both ways, FIN, RST, refused, SO_REUSEADDR, 100 connections into TIME_WAIT, errors', async () => {
    const exe = buildUserProgram('programs/tcp.ts');
    const r = await run(exe, []);
    expect(r.stdout).toBe(EXPECTED);
    expect(r.exitCode).toBe(0);
    expect((await run(exe, ['bulk', '3000000'])).stdout).toBe('tcp: bulk 3000000 ok\n');
  });

  it('passes on tskc over the loopback interface, moves 3 MB intact, and gives every connection back', async () => {
    const vm = await bootToShell();
    const mem = async (): Promise<string> => (await shellRun(vm, 'mem')).replace(/\(\d+ KiB free\)/, '');
    const before = await mem();
    expect(await shellRun(vm, 'tcp', hangLimit(60_000))).toBe(EXPECTED);
    expect(await shellRun(vm, 'tcp bulk 3000000', hangLimit(120_000))).toBe('tcp: bulk 3000000 ok\n');
    // TIME_WAIT holds a block (without its rings) for 4 s of the guest's time; then every frame and heap byte is back.
    await shellRun(vm, 'sleep 5', hangLimit(30_000));
    expect(await mem()).toBe(before);
  }, hangLimit(300_000));
});
