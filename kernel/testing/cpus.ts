// The test build's command `cpus`: each CPU's tick count, so a test can see
// every CPU take timer interrupts (the APs their local APIC timer's, the
// boot CPU the PIT's):
//
//   cpus      one line per CPU, "cpu I ticks T", then "cpus end"
import { consoleWrite, consoleWriteUint } from '../console/console';
import { PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { ticks } from '../interrupts/pit';

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
