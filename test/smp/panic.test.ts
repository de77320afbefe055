// A panic on one CPU stops the others (kernel/smp/stop.ts): in the test
// build's `cpus panic`, CPU 1 panics in a timer tick while CPU 0 spins in
// the command with interrupts on and would spin forever. The panic's NMI to
// every other CPU must halt CPU 0 (QEMU's `info registers -a` shows HLT=1
// for both CPUs, polled with a bound), and the report still comes out whole.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { bootTestKernel, sendCommand } from '../kernel/kernel.js';

describe('a panic with several CPUs', () => {
  it('stops every other CPU and still prints its report', async () => {
    const vm = await bootTestKernel(); // two CPUs
    const at = await sendCommand(vm, 'cpus panic');
    await vm.waitForSerial('cpus panic: cpu 1 panics, cpu 0 spins\r\n', undefined, { since: at });
    const out = (await vm.waitForSerial(/kernel panic: test panic on cpu 1\r\n {4}at kernel\/testing\/cpus\.ts:\d+\r\n/, undefined, { since: at })).slice(at);
    expect(out).toContain('kernel panic: test panic on cpu 1');
    let halted = 0;
    let regs = '';
    for (let i = 0; i < 200 && halted < 2; i++) {
      regs = await vm.qmp<string>('human-monitor-command', { 'command-line': 'info registers -a' });
      halted = (regs.match(/HLT=1/g) ?? []).length;
    }
    expect(halted, regs).toBe(2);
    expect(regs.match(/CPU#\d/g)).toHaveLength(2);
  }, hangLimit(300_000));
});
