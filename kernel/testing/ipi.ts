// The test build's command `cpus ipi`: IPI round trips between CPU 0 and a
// halted CPU 1, timed with rdtsc (under QEMU's -icount shift=0,sleep=off:
// guest instructions of both CPUs; `npm run bench`'s smp part). CPU 0 lets
// the big kernel lock go, sends CPU 1 the wake-up IPI and halts; CPU 1's
// handler answers with the same IPI back (wakeSetEcho) and its idle loop
// takes the lock, finds nothing and halts again; CPU 0's wait ends when its
// own count of wake-up IPIs has moved. So a round trip is: the ICR write,
// delivery to a halted CPU, its handler and answer, its idle loop's pass
// through the lock, the answer's delivery and handler on CPU 0. Answers:
//
//   cpus ipi: R round trips, fewest F, median M
//   cpus ipi end
//
// or "cpus ipi: needs 2 CPUs" before the end line.
import { consoleWrite, consoleWriteUint } from '../console/console';
import { bklAcquire, bklRelease } from '../cpu/bkl';
import { currentCpu, PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { enableAndWait } from '../cpu/wait';
import { lapicSendFixed } from '../smp/lapic';
import { WAKE_VECTOR, wakeSetEcho } from '../smp/wake';
import { sortU64 } from 'tskc:collections';

const ROUNDS: i32 = 64;
const times = new Uint64Array(ROUNDS);

function wakeIpis(c: PerCpu): u64 {
  return volatileLoad<u64>(changetype<usize>(c) + offsetof<PerCpu>('wakeIpis'));
}

/** One round trip to `other`: the TSC ticks from the send to this CPU's handling of the answer. */
function roundTrip(other: PerCpu): u64 {
  const me = currentCpu();
  const before = wakeIpis(me);
  const t0 = rdtsc();
  lapicSendFixed(u32(other.apicId), WAKE_VECTOR);
  while (wakeIpis(me) == before) {
    enableAndWait(); // the answer (or a timer tick: then wait on)
    cli();
  }
  return rdtsc() - t0;
}

export function cpusIpiCommand(): void {
  if (perCpuCount() < 2 || volatileLoad<u64>(changetype<usize>(perCpuAt(1)) + offsetof<PerCpu>('online')) == 0) {
    consoleWrite('cpus ipi: needs 2 CPUs\ncpus ipi end\n');
    return;
  }
  const flags = readFlags();
  cli();
  wakeSetEcho(i64(currentCpu().apicId));
  bklRelease(); // CPU 1's idle loop takes it after each IPI
  for (let i: i32 = 0; i < ROUNDS; i++) times[i] = roundTrip(perCpuAt(1));
  bklAcquire();
  wakeSetEcho(-1);
  writeFlags(flags);
  sortU64(times, 0, ROUNDS); // the fewest first, the median in the middle
  consoleWrite('cpus ipi: ');
  consoleWriteUint(u64(ROUNDS));
  consoleWrite(' round trips, fewest ');
  consoleWriteUint(times[0]);
  consoleWrite(', median ');
  consoleWriteUint(times[ROUNDS >> 1]);
  consoleWrite('\ncpus ipi end\n');
}
