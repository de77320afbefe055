// Processes on every CPU (docs/smp.md, "Scheduling"): nproc counts the
// online CPUs through sched_getaffinity; busy processes started together
// run on all four CPUs of a -smp 4 guest (each CPU's count of timer ticks
// that found a process in ring 3, from /dev/cpus, goes up); and several
// torture runs at once on four CPUs answer every call as documented (each
// exits 0 only then) and
// leave every frame and heap byte where a first identical round left them.
// The waits are for shell prompts and serial text only, polled with a bound.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { useQemu } from '../harness/qemu.js';
import type { Qemu } from '../harness/qemu.js';
import { BANNER, kernelBuild, PROMPT, shellRun } from '../kernel/kernel.js';

async function bootCpus(cpus: number): Promise<Qemu> {
  const k = await kernelBuild();
  const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus });
  await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
  return vm;
}

/** Each CPU's user ticks, by its number, from /dev/cpus. */
async function userTicks(vm: Qemu): Promise<number[]> {
  const out = await shellRun(vm, 'cat /dev/cpus');
  return [...out.matchAll(/^cpu (\d+) apic \d+ switches \d+ user-ticks (\d+) tlb-sent \d+ tlb-ipi \d+ tlb-poll \d+ wake-sent \d+ wake-ipi \d+$/gm)].map((m) => Number(m[2]));
}

async function mem(vm: Qemu): Promise<string> {
  return (await shellRun(vm, 'mem')).replace(/\(\d+ KiB free\)/, '');
}

describe('scheduling on several CPUs', () => {
  it.each([1, 2, 4])('-smp %i: nproc counts the CPUs', async (cpus) => {
    const vm = await bootCpus(cpus);
    expect(await shellRun(vm, 'nproc')).toBe(`${cpus}\n`);
    const listing = await shellRun(vm, 'cat /dev/cpus');
    expect([...listing.matchAll(/^cpu (\d+) apic (\d+) /gm)].map((m) => m[1])).toEqual(Array.from({ length: cpus }, (_, i) => `${i}`));
  }, hangLimit(120_000));

  it('-smp 4: four busy processes run on all four CPUs', async () => {
    const vm = await bootCpus(4);
    const first = await userTicks(vm);
    expect(first).toHaveLength(4);
    const jobs: string[] = [];
    for (let i = 0; i < 4; i++) jobs.push(/^\[(\d+)\]\n/.exec(await shellRun(vm, 'spin 60000 &'))![1]!);
    let now = first;
    for (let i = 0; i < 300 && now.some((t, j) => t <= first[j]!); i++) now = await userTicks(vm);
    expect(now.every((t, j) => t > first[j]!), `user ticks ${first.join(' ')} -> ${now.join(' ')}`).toBe(true);
    const ps = await shellRun(vm, 'ps');
    const rows = [...ps.matchAll(/^\s*(\d+)\s+\d+\s+\d+\s+(\d+) \w+\s+spin$/gm)];
    expect(rows.map((m) => m[1]).sort(), ps).toEqual([...jobs].sort());
    expect(rows.every((m) => Number(m[2]) < 4), ps).toBe(true); // the CPU each last ran on
    expect(await shellRun(vm, `kill -9 ${jobs.join(' ')}`)).toBe('');
    expect((await shellRun(vm, 'wait')).match(/killed by signal 9/g)).toHaveLength(4);
  }, hangLimit(240_000));

  it('-smp 4: four torture runs at once, twice, leak nothing', async () => {
    const vm = await bootCpus(4);
    const round = async (): Promise<void> => {
      const jobs: string[] = [];
      for (let seed = 1; seed <= 3; seed++) jobs.push(/\[(\d+)\]\n/.exec(await shellRun(vm, `torture 3000 ${seed} &`))![1]!); // an earlier run's output may come first
      const fg = await shellRun(vm, 'spawn torture 3000 4', hangLimit(120_000)); // the background runs' summaries may mix into its output
      expect(fg).toMatch(/torture: 3000 calls, seed 4: \d+ ok, .*; 0 wrong\n/);
      const waited = await shellRun(vm, 'wait', hangLimit(120_000));
      for (const j of jobs) expect(waited).toContain(`[${j}] done\n`); // torture exits 0 only with 0 wrong answers
    };
    await round(); // the first round fills the kernel's caches (kernel stacks) for four processes at once
    const before = await mem(vm);
    await round();
    expect(await mem(vm)).toBe(before);
  }, hangLimit(400_000));
});
