// The test build's command `cpus`: each CPU's tick count, so a test can see
// every CPU take timer interrupts (the APs their local APIC timer's, the
// boot CPU the PIT's):
//
//   cpus      one line per CPU, "cpu I ticks T", then "cpus end"
//
// and `cpus panic`: CPU 1 panics in its next timer tick while the boot CPU
// (running the command) spins with interrupts on, never to return: the
// panic must stop it (kernel/smp/stop.ts) and still print its report.
import { consoleWrite, consoleWriteUint } from '../console/console';
import { bklRelease } from '../cpu/bkl';
import { currentCpu, PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { ticks } from '../interrupts/pit';
import { lapicTimerSetHook } from '../smp/timer';

function panicOnCpu1(): void {
  if (currentCpu().id == 1) throw new Error('test panic on cpu 1');
}

/** CPU 1 panics at its next tick; this CPU spins until the panic stops it. */
export function cpusPanicCommand(): never {
  consoleWrite('cpus panic: cpu 1 panics, cpu 0 spins\n');
  lapicTimerSetHook(panicOnCpu1);
  bklRelease(); // CPU 1 must get into the kernel (its idle loop) to take its tick there
  sti();
  while (true) pause();
}

/** Prints every CPU's ticks. */
export function cpusCommand(): void {
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    const cpu = perCpuAt(i);
    const t = i == 0 ? ticks() : volatileLoad<u64>(changetype<usize>(cpu) + offsetof<PerCpu>('ticks'));
    consoleWrite('cpu ');
    consoleWriteUint(u64(i));
    consoleWrite(' ticks ');
    consoleWriteUint(t);
    consoleWrite('\n');
  }
  consoleWrite('cpus end\n');
}
