// Processes, system calls and fault isolation on the real kernel (issue #7):
// the seed kernel's checkpoints through the selftest program, spawn in a
// loop, every crash mode, torture, and the accounting of 1,000 processes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { bootToShell, PROMPT, shellRun } from '../kernel/kernel.js';
import { expectDocOutput } from '../docs/output.js';

const root = join(__dirname, '..', '..');
const crashSource = readFileSync(join(root, 'userland', 'programs', 'crash.ts'), 'utf8').split('\n');

/** The 1-based line of crash.ts holding `text`. */
function crashLine(text: string): number {
  const i = crashSource.findIndex((l) => l.includes(text));
  expect(i, text).toBeGreaterThanOrEqual(0);
  return i + 1;
}

/** Free frames and heap bytes in use, from the shell's mem. */
async function mem(vm: Awaited<ReturnType<typeof bootToShell>>): Promise<{ frames: number; heap: number }> {
  const out = await shellRun(vm, 'mem');
  const m = /frames: (\d+) free.*\nheap: (\d+) bytes used/.exec(out);
  expect(m, out).not.toBeNull();
  return { frames: Number(m![1]), heap: Number(m![2]) };
}

/**
 * mem once it equals `before`, waiting a second between looks (at most 20):
 * the last children's exits and reaps may still be going on on the other
 * CPU when the shell prompts; a leak never settles.
 */
async function memSettled(vm: Awaited<ReturnType<typeof bootToShell>>, before: { frames: number; heap: number }): Promise<{ frames: number; heap: number }> {
  let now = await mem(vm);
  for (let i = 0; i < 20 && (now.frames !== before.frames || now.heap !== before.heap); i++) {
    await shellRun(vm, 'sleep 1');
    now = await mem(vm);
  }
  return now;
}

describe('processes', () => {
  it('pass the seed checkpoints: getpid, /dev/zero, /dev/null, mmap, registers across yield, bad pointers', async () => {
    const vm = await bootToShell();
    const out = await shellRun(vm, 'spawn selftest');
    for (const name of ['getpid', 'zero', 'null', 'mmap', 'registers', 'badptr', 'stack', 'errors', 'time']) expect(out).toContain(`selftest: ${name} ok\n`);
    expect(out).toContain('selftest: done, 0 failed\n');
  });

  it('spawn hello 100 times in a row, each a new process', async () => {
    const vm = await bootToShell();
    const at = vm.serial().length;
    await vm.sendSerial('spawn hello\r'.repeat(100));
    const pids: number[] = [];
    let since = at;
    for (let i = 0; i < 100; i++) {
      const upTo = await vm.waitForSerial(/hello from tskc userland, pid (\d+)\r\n/, hangLimit(20_000), { since });
      pids.push(Number(/pid (\d+)\r\n$/.exec(upTo)![1]));
      since = upTo.length;
    }
    await vm.waitForSerial(PROMPT, undefined, { since });
    expect(pids).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(await shellRun(vm, 'pid')).toBe('1\n');
  }, hangLimit(120_000));

  const modes: [string, string, RegExp][] = [
    ['div0', '#DE divide error (vector 0)', /rip=0x4\w+ divideByZero at userland\/programs\/crash\.ts:(\d+)/],
    ['ud2', '#UD invalid opcode (vector 6)', /rip=0x4\w+ crash at userland\/programs\/crash\.ts:(\d+)/],
    ['kread', '#PF page fault (vector 14) error=0x0000000000000005', /cr2=0xffffffff80100000/],
    ['kwrite', '#PF page fault (vector 14) error=0x0000000000000007', /cr2=0xffffffff80100000/],
    ['text', '#PF page fault (vector 14) error=0x0000000000000007', /rip=0x4\w+ writeOwnCode at userland\/programs\/crash\.ts:(\d+)/],
    ['nx', '#PF page fault (vector 14) error=0x0000000000000015', /called from 0x4\w+ jumpToData at userland\/programs\/crash\.ts:(\d+)/],
    ['null', '#PF page fault (vector 14) error=0x0000000000000004', /cr2=0x0000000000000000/],
    ['stack', '#PF page fault (vector 14) error=0x0000000000000006', /rip=0x4\w+ recurse at userland\/programs\/crash\.ts:\d+\n {2}cr2=0x00004000\w+/],
  ];

  it('kill only the crashing program in every crash mode, naming the fault and its TS location', async () => {
    const vm = await bootToShell();
    const before = await mem(vm);
    const lines: Record<string, number> = {
      div0: crashLine("'div ecx'"), ud2: crashLine("argIs(1, 'ud2')"), text: crashLine('volatileStore<u8>(changetype<usize>(writeOwnCode)'),
      nx: crashLine('f();'),
    };
    for (const [mode, fault, where] of modes) {
      const out = await shellRun(vm, `spawn crash ${mode}`);
      expect(out, mode).toMatch(new RegExp(`^\\ncrash \\(pid \\d+\\) killed: ${fault.replace(/[()]/g, '\\$&')}[ \\n]`));
      const m = where.exec(out);
      expect(m, `${mode}:\n${out}`).not.toBeNull();
      if (m![1] !== undefined) expect(Number(m![1]), mode).toBe(lines[mode]);
      if (mode === 'null') expectDocOutput('crash-null', out); // the example of docs/processes.md
      const vector = /vector (\d+)/.exec(fault)![1];
      expect(out, mode).toMatch(new RegExp(`spawn: killed by CPU exception ${vector}\\n$`));
      expect(await shellRun(vm, 'echo alive'), mode).toBe('alive\n'); // the shell goes on
    }
    expect(await shellRun(vm, 'pid')).toBe('1\n');
    expect(await mem(vm)).toEqual(before); // the killed processes lost nothing of the kernel's
  }, hangLimit(60_000));

  it('survive torture 10000, with every frame and heap byte back afterwards', async () => {
    const vm = await bootToShell();
    const before = await mem(vm);
    const out = await shellRun(vm, 'spawn torture 10000', hangLimit(90_000));
    expect(out).toMatch(/^torture: 10000 calls, seed 1: \d+ ok, .*; 0 wrong\n$/);
    expect(await mem(vm)).toEqual(before);
  }, hangLimit(150_000));

  it('give back every frame and heap byte: 1,000 processes spawned and reaped', async () => {
    const vm = await bootToShell();
    const before = await mem(vm);
    expect(await shellRun(vm, 'spawn repeat 1000 true', hangLimit(120_000))).toBe('repeat: 1000 runs, 0 failed\n');
    expect(await mem(vm)).toEqual(before);
    expect(await shellRun(vm, 'spawn hello')).toBe('hello from tskc userland, pid 1003\n');
  }, hangLimit(180_000));

  it('report every ending of a child through wait4 as Linux encodes it, and getppid', async () => {
    const vm = await bootToShell();
    const out = await shellRun(vm, 'waiter', hangLimit(60_000));
    for (const name of ['exit', 'signal', 'nohang', 'any', 'ppid']) expect(out).toContain(`waiter: ${name} ok\n`);
    expect(out).toContain('waiter: done, 0 failed\n');
    const pid = /waiter: pid (\d+)\n/.exec(out)![1];
    expect(out).toContain(`waiter: my parent is ${pid}\n`);
    expect(await shellRun(vm, 'waiter ppid')).toBe('waiter: my parent is 1\n'); // the shell is pid 1
  });

  it('report each limit with its error: 16 fds, 64-byte paths, 256-byte spawn lines, 64 processes', async () => {
    const vm = await bootToShell();
    const before = await mem(vm);
    const out = await shellRun(vm, 'spawn limits', hangLimit(60_000));
    for (const name of ['fds', 'name', 'line', 'table', 'background']) expect(out).toContain(`limits: ${name} ok\n`);
    expect(out).toContain('limits: process table full at depth 62\n');
    expect(out).toContain('limits: done, 0 failed\n');
    // 63 processes at once: all they held is back once they are reaped, the
    // kernel tables their guard pages split included (from boot, no warm-up).
    expect(await memSettled(vm, before)).toEqual(before);
    expect(await shellRun(vm, 'spawn limits', hangLimit(60_000))).toContain('limits: done, 0 failed\n');
    expect(await memSettled(vm, before)).toEqual(before);
    expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
  }, hangLimit(90_000));
});
