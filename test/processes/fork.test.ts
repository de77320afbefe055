// fork, execve, wait4, signals and process groups on the real kernel (issue
// #15, "Process lifecycle" and "Signals"): the forks program's checks, each
// group a line, with every frame and heap byte back afterwards.
// test/userland/programs.test.ts runs the same program on Linux.
import { describe, expect, it } from 'vitest';
import { bootToShell, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';

const GROUPS = ['cow', 'exec', 'cycles', 'bomb', 'handler', 'kill', 'pipe', 'fault', 'group'];

describe('fork', () => {
  it('passes the forks program: COW both ways, execve, 1,000 cycles, a fork bomb, handlers, kill, SIGPIPE, faults, groups', async () => {
    const vm = await bootToShell();
    const mem = async (): Promise<string> => (await shellRun(vm, 'mem')).replace(/\(\d+ KiB free\)/, '');
    const before = await mem();
    const out = await shellRun(vm, 'forks', hangLimit(120_000));
    for (const g of GROUPS) expect(out).toContain(`forks: ${g} ok\n`);
    expect(out).toContain('forks: done, 0 failed\n');
    expect(await mem()).toBe(before);
  }, hangLimit(240_000));

  it('lists processes with ps and signals them with kill, by number and by name', async () => {
    const vm = await bootToShell();
    const job = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'spin 600000 &'))![1];
    // The job is a fork of the shell until its execve of spin is done (on another CPU, maybe not yet): ask until it is spin.
    let lines: string[] = [];
    let rows: string[][] = [];
    for (let tries = 0; tries < 50 && !rows.some((r) => r[0] === job && r[5] === 'spin'); tries++) {
      lines = (await shellRun(vm, 'ps')).split('\n').filter((l) => l !== '');
      rows = lines.slice(1).map((l) => l.trim().split(/\s+/));
    }
    expect(lines[0]).toBe('  PID  PPID  PGID CPU STATE    NAME');
    const shell = rows.find((r) => r[5] === 'shell');
    expect(shell?.slice(0, 3)).toEqual(['1', '0', '1']);
    expect(['ready', 'sleeping']).toContain(shell?.[4]); // yielded to its child (fork runs the child first), or waiting for it
    const spin = rows.find((r) => r[5] === 'spin');
    expect(spin?.slice(0, 3)).toEqual([job, '1', job]); // a hog in its own group
    expect(['ready', 'running']).toContain(spin?.[4]); // running on another CPU, or waiting for one
    const ps2 = rows.find((r) => r[5] === 'ps');
    expect(ps2?.[4]).toBe('running');
    for (const r of rows) expect(Number(r[3])).toBeLessThan(2); // the CPU each ran on last: 0 or 1 under -smp 2
    expect(await shellRun(vm, 'kill 99999 -3')).toBe('kill: 99999: ESRCH\nkill: -3: ESRCH\nkill: exited with status 1\n');
    expect(await shellRun(vm, 'kill -BOGUS 2')).toBe('usage: kill [-SIG] PID...\nkill: exited with status 2\n');
    expect(await shellRun(vm, `kill -SIGINT ${job}`)).toBe('');
    expect(await shellRun(vm, 'wait')).toBe(`[${job}] killed by signal 2\n`);
    const again = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'spin 600000 &'))![1];
    expect(await shellRun(vm, `kill -9 ${again}`)).toBe('');
    expect(await shellRun(vm, 'wait')).toBe(`[${again}] killed by signal 9\n`);
    expect(await shellRun(vm, 'ps | wc')).toMatch(/^ +[34] +/); // the header, the shell, ps, and wc if it was forked before ps read
  }, hangLimit(120_000));
});
