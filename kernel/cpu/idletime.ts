// The time each CPU spends halted in its idle loop, in TSC cycles: from
// just before its `hlt` (bklIdleWait) to the first instruction of the
// interrupt that wakes it (onVector), so the handler's own work counts as
// busy. Under QEMU's `-icount shift=0,sleep=off` the TSC advances by one
// per guest instruction, plus the jumps of the virtual clock while every
// CPU halts; with one CPU the TSC less the idle cycles therefore counts the
// instructions the guest executed. /dev/netstat prints both (`cpu_tsc`,
// `cpu_idle_tsc`); docs/performance.md, "httpd".
import { currentCpu, perCpuAt, perCpuCount } from './percpu';

/** The CPU is about to halt until an interrupt (interrupts off). */
export function idleHaltBegin(): void {
  currentCpu().haltedAt = rdtsc();
}

/** An interrupt has begun, or the halt returned: ends a halt under way. */
export function idleHaltEnd(): void {
  const c = currentCpu();
  const since = c.haltedAt;
  if (since == 0) return;
  c.haltedAt = 0;
  c.idleTsc += rdtsc() - since;
}

/** Every CPU's halted cycles so far. */
export function idleTscTotal(): u64 {
  let sum: u64 = 0;
  for (let i: i32 = 0; i < perCpuCount(); i++) sum += perCpuAt(i).idleTsc;
  return sum;
}
