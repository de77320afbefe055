// The wake-up IPI (kernel/smp/wake.ts): a process made ready while another
// CPU halts in its idle loop reaches that CPU at once, not at its next
// timer tick. `pingpong` pins two processes to CPUs 0 and 1 with
// sched_setaffinity and bounces a word between them through two pipes: each
// wake-up makes a process ready for a CPU that is halted idle. Under
// `-icount shift=0,sleep=off` (single-threaded TCG, so the figures do not
// depend on the host's load) the TSC counts guest instructions and a timer
// tick is 10,000,000 of them: without the IPI the woken CPU would sleep
// until its next tick (the clock jumps there when every CPU halts), so the
// median wake-up would be millions; with it, a few thousand. /dev/cpus
// counts the IPIs each CPU took. Then the same under multi-threaded TCG,
// without timing: the pinned processes finish and the IPIs are counted.
// Also sched_setaffinity itself (both processes on CPU 0), and the test
// build's `cpus ipi`: IPI round trips to a halted CPU 1, under -icount.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { useQemu } from '../harness/qemu.js';
import type { Qemu } from '../harness/qemu.js';
import { BANNER, kernelBuild, PROMPT, sendCommand, shellRun, testKernelBuild } from '../kernel/kernel.js';

/** Instructions in a timer tick (10 ms) under -icount shift=0. */
const TICK = 10_000_000;
const ROUNDS = 200;

async function boot(extraArgs: string[] = []): Promise<Qemu> {
  const k = await kernelBuild();
  const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus: 2, extraArgs });
  await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
  return vm;
}

/** Each CPU's wake-up IPIs taken, by its number, from /dev/cpus. */
async function wakeIpis(vm: Qemu): Promise<number[]> {
  const out = await shellRun(vm, 'cat /dev/cpus');
  return [...out.matchAll(/^cpu \d+ apic \d+ .* wake-sent \d+ wake-ipi (\d+)$/gm)].map((m) => Number(m[1]));
}

/** Runs `pingpong ROUNDS` and returns its figures: the fewest and median instructions of a wake-up and of a round trip. */
async function pingpong(vm: Qemu): Promise<{ wake: number[]; trip: number[] }> {
  const out = await shellRun(vm, `pingpong ${ROUNDS}`, hangLimit(120_000));
  expect(out).toContain(`pingpong: ${ROUNDS} rounds, cpus 0 and 1\n`);
  const wake = /^pingpong: wake (\d+) (\d+)$/m.exec(out);
  const trip = /^pingpong: round-trip (\d+) (\d+)$/m.exec(out);
  expect(wake && trip, out).toBeTruthy();
  return { wake: [Number(wake![1]), Number(wake![2])], trip: [Number(trip![1]), Number(trip![2])] };
}

describe('the wake-up IPI', () => {
  it('-icount, -smp 2: a cross-CPU wake-up takes far less than a tick, by IPI', async () => {
    const vm = await boot(['-icount', 'shift=0,sleep=off']);
    const before = await wakeIpis(vm);
    expect(before).toHaveLength(2);
    const { wake, trip } = await pingpong(vm);
    const after = await wakeIpis(vm);
    // Every round wakes the child on CPU 1 and the parent on CPU 0, each halted idle.
    expect(after[1]! - before[1]!, `CPU 1's wake-up IPIs ${before[1]} -> ${after[1]}`).toBeGreaterThanOrEqual(ROUNDS);
    expect(after[0]! - before[0]!, `CPU 0's wake-up IPIs ${before[0]} -> ${after[0]}`).toBeGreaterThanOrEqual(ROUNDS);
    expect(wake[1], `median wake-up ${wake[1]} instructions`).toBeLessThan(TICK / 100);
    expect(trip[1], `median round trip ${trip[1]} instructions`).toBeLessThan(TICK / 50);
  }, hangLimit(240_000));

  it('-smp 2, multi-threaded: the pinned ping-pong finishes, woken by IPIs', async () => {
    const vm = await boot();
    const before = await wakeIpis(vm);
    await pingpong(vm);
    const after = await wakeIpis(vm);
    expect(after[0]! + after[1]! - before[0]! - before[1]!, `wake-up IPIs ${before.join(' ')} -> ${after.join(' ')}`).toBeGreaterThan(0);
  }, hangLimit(240_000));

  it('-icount, -smp 2: cpus ipi times IPI round trips to a halted CPU 1', async () => {
    const k = await testKernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, cpus: 2, extraArgs: ['-icount', 'shift=0,sleep=off'] });
    await vm.waitForSerial(`${BANNER}\r\n> `);
    const at = await sendCommand(vm, 'cpus ipi');
    const out = (await vm.waitForSerial('cpus ipi end\r\n', hangLimit(60_000), { since: at })).slice(at);
    const m = /cpus ipi: 64 round trips, fewest (\d+), median (\d+)\r\n/.exec(out);
    expect(m, out).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![2]), out).toBeLessThan(TICK / 100);
  }, hangLimit(240_000));

  it('sched_setaffinity pins a process to a CPU', async () => {
    const vm = await boot();
    expect(await shellRun(vm, 'pingpong 5 same')).toContain('pingpong: 5 rounds, cpus 0 and 0\n');
    expect(await shellRun(vm, 'nproc')).toBe('2\n');
  }, hangLimit(240_000));
});
