// The wake-up IPI: when a process becomes ready (a wake-up, a fork, a new
// process, a preemption) while some other CPU halts in its idle loop, that
// CPU gets a fixed IPI at WAKE_VECTOR, so it takes the big kernel lock and
// runs the process at once instead of at its next timer tick (10 ms). The
// idle loop (kernel/proc/idle.ts) marks its CPU `idleWaiting` under the big
// kernel lock before it halts; the waker, which holds the lock too, claims
// one marked CPU (clears the mark) per process made ready and sends it the
// IPI. The mark is cleared before the IPI goes, so a second process made
// ready at once goes to another idle CPU, and a CPU is never sent two. No
// wake-up is lost: the halt is `sti; hlt` (an IPI that arrives between the
// lock's release and the halt is taken right after `sti` and ends the hlt).
// A process made ready by an interrupt of a halted idle loop (the boot
// CPU's timer waking a sleeper) needs no IPI: that CPU's own idle loop runs
// it next. The handler takes no lock: it counts and acknowledges; the
// idle loop's wait, which the IPI ended, does the rest.
// docs/smp.md, "Scheduling" and "The wake-up IPI".
import { cpuInMask, currentCpu, PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { lapicEoi, lapicSendFixed } from './lapic';

/** The wake-up IPI's vector (next to the TLB shootdown's, 0xF1). */
export const WAKE_VECTOR: u32 = 0xf2;

/** How many CPUs are marked idleWaiting (changed under the big kernel lock): 0 lets a waker skip the search. */
let waiting: i32 = 0;

/** Sets or clears `c`'s mark, keeping `waiting` in step. */
function mark(c: PerCpu, on: bool): void {
  const was = c.idleWaiting != 0;
  if (was == on) return;
  c.idleWaiting = on ? 1 : 0;
  waiting += on ? 1 : -1;
}

/** The idle loop of this CPU is about to halt (true, the big kernel lock held) or has taken the lock back (false). */
export function wakeIdleMark(on: bool): void {
  mark(currentCpu(), on);
}

/**
 * A process that may run on the CPUs of `affinity` has just been made ready
 * (the caller holds the big kernel lock): unless this CPU's own idle loop is
 * going to run it, the first other CPU of the mask halted in its idle loop
 * is claimed and sent the wake-up IPI.
 */
export function wakeIdleCpu(affinity: u64): void {
  if (waiting != 0) wakeIdleSomewhere(affinity); // else every CPU is busy (a yield, a switch between processes): nobody to wake
}

/** wakeIdleCpu when some CPU waits in its idle loop (small enough to inline, the test above). */
function wakeIdleSomewhere(affinity: u64): void {
  const me = currentCpu();
  if (me.idleWaiting != 0 && cpuInMask(affinity, me)) {
    mark(me, false); // an interrupt of this CPU's idle halt: the loop runs the process right after
    return;
  }
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    const c = perCpuAt(i);
    if (c === me || !cpuInMask(affinity, c) || volatileLoad<u64>(changetype<usize>(c) + offsetof<PerCpu>('idleWaiting')) == 0) continue;
    mark(c, false); // claimed: the next process made ready looks for another CPU
    me.wakeSent++;
    lapicSendFixed(u32(c.apicId), WAKE_VECTOR); // one lost: its next tick still finds the process
    return;
  }
}

/** Test builds (`cpus ipi`, kernel/testing/ipi.ts): the APIC id every other CPU answers a wake-up IPI to (-1: none). */
let echoTo: i64 = -1;

/** The IPI's handler (kernel/interrupts/vectors.ts), without the big kernel lock: counts it; the halt it ended was the idle loop's, which looks at the ready queue next. */
export function wakeInterrupt(): void {
  const me = currentCpu();
  const count = changetype<usize>(me) + offsetof<PerCpu>('wakeIpis');
  volatileStore<u64>(count, volatileLoad<u64>(count) + 1);
  const to = volatileLoad<i64>(changetype<usize>(addressof(echoTo)));
  if (to >= 0 && u64(to) != me.apicId) lapicSendFixed(u32(to), WAKE_VECTOR);
  lapicEoi();
}

/** Test builds: makes every CPU but `apicId` answer a wake-up IPI with one to `apicId` (-1: stops). */
export function wakeSetEcho(apicId: i64): void {
  volatileStore<i64>(changetype<usize>(addressof(echoTo)), apicId);
}
