// /dev/cpus: each CPU's scheduling counters as text, one line per CPU that
// has reported in: its number, its local APIC id, the switches into a
// process it made and the timer ticks that found a process in ring 3 on
// it (kernel/proc/sched.ts keeps both in its PerCpu), and its TLB
// shootdowns: those it sent, and those it served in the IPI's handler or
// while it spun for the big kernel lock (kernel/smp/tlb.ts); and its
// wake-up IPIs sent and taken (kernel/smp/wake.ts). A test spreads
// busy processes and reads here that every CPU ran them. docs/smp.md,
// "Scheduling" and "TLB shootdown".
import { TextBuilder } from 'tskc:text';
import { PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';

/** Writes the listing into `t` (a TextSource of textFileOpen). */
export function cpuListing(t: TextBuilder): void {
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    const c = perCpuAt(i);
    if (volatileLoad<u64>(changetype<usize>(c) + offsetof<PerCpu>('online')) == 0) continue;
    t.str('cpu ').uint(c.id).str(' apic ').uint(c.apicId);
    t.str(' switches ').uint(c.switches).str(' user-ticks ').uint(c.userTicks);
    t.str(' tlb-sent ').uint(c.tlbSent).str(' tlb-ipi ').uint(c.tlbByIpi).str(' tlb-poll ').uint(c.tlbByPoll);
    t.str(' wake-sent ').uint(c.wakeSent).str(' wake-ipi ').uint(c.wakeIpis).byte(10);
  }
}
