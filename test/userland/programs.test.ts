// The user programs built for the host: hello's output and argv, crash's
// signals, torture's summary, selftest, repeat and true. Linux is the kernel
// here; test/processes runs the user-target builds on the tskc kernel.
import { readdirSync } from 'node:fs';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../compiler/programs.js';
import { buildUserProgram, run } from './build.js';

describe('hello', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildUserProgram('programs/hello.ts');
  });

  it('greets with its pid and prints the arguments it got from the initial stack', async () => {
    const r = await run(exe, ['one', 'two words', '']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^hello from tskc userland, pid [1-9]\d*$/);
    expect(lines.slice(1)).toEqual(['arg 1: one', 'arg 2: two words', 'arg 3: ', '']);
  });
});

describe('crash', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildUserProgram('programs/crash.ts');
  });

  const MODES: [string, string][] = [
    ['div0', 'SIGFPE'], ['ud2', 'SIGILL'], ['kread', 'SIGSEGV'], ['kwrite', 'SIGSEGV'],
    ['text', 'SIGSEGV'], ['nx', 'SIGSEGV'], ['null', 'SIGSEGV'], ['stack', 'SIGSEGV'],
  ];
  for (const [mode, signal] of MODES) {
    it(`${mode} dies with ${signal}`, async () => {
      const r = await run(exe, [mode]);
      expect(r.signal).toBe(signal);
      expect(r.stdout).toBe('');
    });
  }

  it('prints its usage for an unknown or missing mode', async () => {
    for (const args of [['bogus'], []]) {
      const r = await run(exe, args);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toMatch(/^usage: crash div0\|ud2\|kread\|kwrite\|text\|nx\|null\|stack\n$/);
    }
  });
});

describe('torture', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildUserProgram('programs/torture.ts');
  });

  const SUMMARY = /^torture: (\d+) calls, seed (\d+): (\d+) ok, EFAULT (\d+), EBADF (\d+), EINVAL (\d+), ENOMEM (\d+), ENOSYS (\d+), ENOENT (\d+), other (\d+); (\d+) wrong\n$/;

  it('survives 10000 random calls on Linux, all answered with a success or an errno', async () => {
    const dir = scratch();
    const r = await run(exe, ['10000', '1'], '', dir);
    expect(r.exitCode).toBe(0);
    const m = SUMMARY.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const [calls, seed, ok, efault, ebadf, einval, enomem, enosys, enoent, other, wrong] = m!.slice(1).map(Number);
    expect([calls, seed, wrong]).toEqual([10000, 1, 0]);
    expect(ok + efault + ebadf + einval + enomem + enosys + enoent + other).toBe(10000);
    // Every kind of failure the generator aims at happened.
    for (const n of [ok, efault, ebadf, einval, enosys, enoent]) expect(n).toBeGreaterThan(0);
    // Harmless on the host: nothing was created where it ran.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is reproducible from its seed', async () => {
    const a = await run(exe, ['2000', '42']);
    const b = await run(exe, ['2000', '42']);
    const c = await run(exe, ['2000', '43']);
    expect(a.stdout).toMatch(SUMMARY);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout.replace('seed 42', 'seed 43'));
  });
});

describe('selftest', () => {
  it('passes on Linux too: the tskc kernel answers these calls as Linux does', async () => {
    const exe = buildUserProgram('programs/selftest.ts');
    const r = await run(exe, []);
    expect(r.stdout).toBe(['getpid', 'zero', 'null', 'mmap', 'registers', 'badptr', 'stack', 'errors', 'time']
      .map((n) => `selftest: ${n} ok\n`).join('') + 'selftest: done, 0 failed\n');
    expect(r.exitCode).toBe(0);
  });
});

describe('pipes and the pipeline programs', () => {
  it('pipes passes on Linux too: pipes, dup and fcntl answer as on tskc', async () => {
    const r = await run(buildUserProgram('programs/pipes.ts'), []);
    expect(r.stdout).toBe(['rw', 'eof', 'epipe', 'dup', 'fcntl', 'full'].map((n) => `pipes: ${n} ok\n`).join('') + 'pipes: done, 0 failed\n');
    expect(r.exitCode).toBe(0);
  });

  it('yes, head, cat, wc and sum make the same pipelines on the host as in the tskc shell', async () => {
    const [yes, head, cat, wc, sum] = ['yes', 'head', 'cat', 'wc', 'sum'].map((n) => buildUserProgram(`programs/${n}.ts`));
    const sh = async (line: string): Promise<string> => (await execa('sh', ['-c', line])).stdout + '\n';
    expect(await sh(`${yes} | ${head} -n 3`)).toBe('y\ny\ny\n');
    expect(await sh(`${yes} | ${head} -n 2 | ${cat} | ${wc}`)).toBe('      2       2       4\n');
    expect(await sh(`${yes} abc | ${head} -c 10 | ${sum}`)).toBe(`10 ${fnv1a('abc\nabc\nab')}\n`);
  });
});

/** FNV-1a, 32 bits, as sum computes it. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

describe('tls', () => {
  it('keeps its FS base across yields and sleeps, and gets Linux\'s errors, on Linux too', async () => {
    const exe = buildUserProgram('programs/tls.ts');
    const r = await run(exe, ['50']);
    expect(r.stdout).toBe('tls: ok\n');
    expect(r.exitCode).toBe(0);
  });
});

describe('forks, kill and ps', () => {
  it('forks passes on Linux too: COW, execve, 1,000 cycles, a bounded fork bomb, handlers, kill, SIGPIPE, faults, groups', async () => {
    const exe = buildUserProgram('programs/forks.ts');
    const r = await run(exe, []); // argv[0] is the path: the exec check runs this very file
    const groups = ['cow', 'exec', 'cycles', 'bomb', 'handler', 'kill', 'pipe', 'fault', 'group'];
    expect(r.stdout).toBe(`${groups.map((g) => `forks: ${g} ok\n`).join('')}forks: done, 0 failed\n`);
    expect(r.exitCode).toBe(0);
  });

  it('kill sends by number and by name and reports a missing pid; ps needs the tskc kernel', async () => {
    const kill = buildUserProgram('programs/kill.ts');
    const sleeper = execa('sleep', ['30']);
    expect((await run(kill, ['-USR1', String(sleeper.pid)])).exitCode).toBe(0);
    await expect(sleeper).rejects.toMatchObject({ signal: 'SIGUSR1' });
    const missing = await run(kill, ['-9', '2147483000']);
    expect([missing.exitCode, missing.stdout]).toEqual([1, 'kill: 2147483000: ESRCH\n']);
    expect((await run(kill, [])).stdout).toBe('usage: kill [-SIG] PID...\n');
    const ps = await run(buildUserProgram('programs/ps.ts'), []);
    expect([ps.exitCode, ps.stdout]).toEqual([1, 'ps: cannot open /dev/processes (-2): not the tskc kernel?\n']);
  });
});

describe('repeat and true', () => {
  it('repeat prints its usage without a count or a command; spawn is ENOSYS on Linux, so every run fails', async () => {
    const exe = buildUserProgram('programs/repeat.ts');
    expect((await run(exe, [])).stdout).toBe('usage: repeat N PROGRAM [ARGS]\n');
    const r = await run(exe, ['3', 'true']);
    expect(r.stdout).toBe('repeat: 3 runs, 3 failed\n');
    expect(r.exitCode).toBe(1);
    const t = await run(buildUserProgram('programs/true.ts'), []);
    expect([t.exitCode, t.stdout]).toEqual([0, '']);
  });
});

describe('nproc', () => {
  it('counts the CPUs sched_getaffinity allows, as coreutils nproc does', async () => {
    const exe = buildUserProgram('programs/nproc.ts');
    const r = await run(exe, []);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${(await execa('nproc')).stdout.trim()}\n`);
  });
});
