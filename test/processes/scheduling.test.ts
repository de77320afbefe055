// Preemptive scheduling and sleeping on the real kernel (issue #15, "Scheduling
// and sleeping"): a ring-3 busy loop no longer freezes anything, two of them
// share the CPU fairly while the shell answers, `sleep` and nanosleep sleep
// in guest time, and background jobs run beside the shell.
import { describe, expect, it } from 'vitest';
import { bootToShell, PROMPT, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';

/** The ticks each `spin` report in `text` names, by pid. */
function spinTicks(text: string): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const m of text.matchAll(/spin: pid (\d+) ran \d+ ms, (\d+) ticks on the CPU/g)) ticks.set(Number(m[1]), Number(m[2]));
  return ticks;
}

describe('scheduling', () => {
  it('shares the CPU between two busy loops, half each, while the shell answers', async () => {
    const vm = await bootToShell();
    const first = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'spin 3000 &'));
    const second = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'spin 3000 &'));
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    // The shell runs between the spins' slices: it answers before either is done.
    expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
    expect(vm.serial()).not.toContain('spin: pid');
    const out = await shellRun(vm, 'wait', hangLimit(60_000));
    const ticks = spinTicks(out);
    expect([...ticks.keys()].sort()).toEqual([Number(first![1]), Number(second![1])].sort());
    const [a, b] = [...ticks.values()] as [number, number];
    // Two loops of 3 s each (300 ticks) whose lives overlap: the CPU was theirs nearly all that time (the shell
    // took a few ticks). However late the second started, each spends as long alone as the other: half each.
    expect(a + b).toBeGreaterThanOrEqual(270);
    for (const t of [a, b]) {
      expect(t / (a + b)).toBeGreaterThanOrEqual(0.4);
      expect(t / (a + b)).toBeLessThanOrEqual(0.6);
    }
    expect(out).toContain(`[${first![1]}] done\n`);
    expect(out).toContain(`[${second![1]}] done\n`);
  }, hangLimit(120_000));

  it('gives each process its own FS base (arch_prctl), kept across switches', async () => {
    const vm = await bootToShell();
    const a = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'tls 300 &'))![1];
    const b = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'tls 300 &'))![1];
    const out = await shellRun(vm, 'wait', hangLimit(60_000));
    expect(out.match(/^tls: ok$/gm)).toHaveLength(2);
    expect(out).toContain(`[${a}] done\n`);
    expect(out).toContain(`[${b}] done\n`);
  });

  it('sleeps in guest time, and runs programs by name in the foreground and in the background', async () => {
    const vm = await bootToShell();
    const uptimeMs = async (): Promise<number> => Number(/\((\d+) ms\)/.exec(await shellRun(vm, 'uptime'))![1]);
    const before = await uptimeMs();
    expect(await shellRun(vm, 'sleep 0.5')).toBe('');
    expect((await uptimeMs()) - before).toBeGreaterThanOrEqual(500);
    expect(await shellRun(vm, 'hello there')).toMatch(/^hello from tskc userland, pid \d+\narg 1: there\n$/);
    expect(await shellRun(vm, 'nonesuch')).toBe('unknown command: nonesuch (try help)\n');
    expect(await shellRun(vm, 'sleep x')).toBe('usage: sleep SECONDS (for example 2 or 0.5)\nsleep: exited with status 1\n');
    const job = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'sleep 1 &'))![1];
    expect(await shellRun(vm, 'jobs')).toBe(`[${job}] started\n`);
    expect(await shellRun(vm, 'wait')).toBe(`[${job}] done\n`);
    expect(await shellRun(vm, 'jobs')).toBe('');
    expect(await shellRun(vm, '&')).toBe('shell: & needs a command before it\n');
    expect(vm.serial().endsWith(PROMPT)).toBe(true);
  });
});
