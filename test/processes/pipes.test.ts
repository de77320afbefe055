// Pipes and descriptors on the real kernel (issue #15, "Pipes and
// descriptors"): the pipes program's in-process checks, and the shell's
// pipelines, whose stages get their standard input and output from pipes
// through fds inherited across spawn.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootToShell, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';

/** sum's answer for `bytes`: the length and the 32-bit FNV-1a hash. */
function fnv(bytes: Buffer): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `${bytes.length} ${h}`;
}

describe('pipes', () => {
  it('pass the pipes program: order, end of file, EPIPE, dup, dup2, dup3, fcntl, a full pipe', async () => {
    const vm = await bootToShell();
    const before = await shellRun(vm, 'mem');
    const out = await shellRun(vm, 'pipes');
    expect(await shellRun(vm, 'mem')).toBe(before); // every pipe freed, also those a bad pointer refused
    for (const name of ['rw', 'eof', 'epipe', 'dup', 'fcntl', 'full']) expect(out).toContain(`pipes: ${name} ok\n`);
    expect(out).toContain('pipes: done, 0 failed\n');
  });

  it('connect programs: yes | head, hello | wc, three stages carrying 10 MiB, and leak nothing', async () => {
    const vm = await bootToShell();
    const mem = async (): Promise<string> => (await shellRun(vm, 'mem')).replace(/\(\d+ KiB free\)/, '');
    const before = await mem();
    expect(await shellRun(vm, 'yes | head -n 3')).toBe('y\ny\ny\n');
    // hello's three lines: 'hello from tskc userland, pid N', 'arg 1: a', 'arg 2: b' (49 bytes and N's digits).
    expect(await shellRun(vm, 'hello a b | wc')).toMatch(/^ {6}3 {6}12 {6}5[0-3]\n$/);
    const line = Buffer.from('0123456789abcdef\n');
    const tenMiB = Buffer.concat(Array.from({ length: Math.ceil(10 * 1024 * 1024 / line.length) }, () => line)).subarray(0, 10 * 1024 * 1024);
    expect(await shellRun(vm, 'yes 0123456789abcdef | head -c 10485760 | sum', hangLimit(120_000))).toBe(`${fnv(tenMiB)}\n`);
    expect(await shellRun(vm, 'yes | head -n 2 | cat | cat | wc')).toBe('      2       2       4\n');
    expect(await shellRun(vm, 'hello | nonesuch')).toBe('unknown command: nonesuch (try help)\n'); // the stage's child says it, and exits 127
    // In the background: both pids are jobs; head's line comes whenever it runs, yes ends with SIGPIPE.
    const at = vm.serial().length;
    const jobs = [...(await shellRun(vm, 'yes | head -n 1 &')).matchAll(/^\[(\d+)\]$/gm)].map((m) => m[1]);
    expect(jobs).toHaveLength(2);
    const waited = await shellRun(vm, 'wait');
    expect(waited).toContain(`[${jobs[0]}] killed by signal 13\n`);
    expect(waited).toContain(`[${jobs[1]}] done\n`);
    expect(vm.serial().slice(at)).toContain('y\r\n');
    expect(await shellRun(vm, 'echo still here')).toBe('still here\n');
    expect(await mem()).toBe(before); // every pipe, fd and process came back
  }, hangLimit(180_000));
});
