// An application processor from its first TypeScript instruction: the
// trampoline (boot/trampoline.asm) jumps to apMain on its own stack with its
// PerCpu in rdi, in long mode on the kernel's tables, with stage 2's GDT
// layout in a temporary GDT and no IDT. apMain loads the CPU's own GDT and
// TSS, the shared IDT, its GS base and the syscall MSRs, enables its local
// APIC, reports "cpu N: online, APIC id A", starts its APIC timer and
// enters its idle loop, which runs processes. The boot CPU waits for
// each AP to set `online` before it starts the next, so the report is the
// only console output at that time. docs/smp.md, "AP start-up".
import { consoleWrite, consoleWriteUint } from '../console/console';
import { gdtLoad, TSS_SELECTOR } from '../cpu/gdt';
import { PerCpu, perCpuLoad } from '../cpu/percpu';
import { idtLoad } from '../interrupts/idt';
import { activateAp } from '../mm/arch';
import { syscallCpuInit } from '../syscall/entry';
import { apProcessesStart } from '../proc/idle';
import { lapicEnable, lapicId } from './lapic';
import { lapicTimerStart } from './timer';

/** The AP's entry (address in the trampoline's data page): `cpu` is its PerCpu's address. */
export function apMain(cpu: u64): never {
  const c = changetype<PerCpu>(cpu);
  activateAp();
  gdtLoad(usize(c.gdt));
  ltr(TSS_SELECTOR);
  idtLoad();
  perCpuLoad(c);
  syscallCpuInit();
  lapicEnable();
  consoleWrite('cpu ');
  consoleWriteUint(c.id);
  consoleWrite(': online, APIC id ');
  consoleWriteUint(u64(lapicId()));
  consoleWrite('\n');
  volatileStore<u64>(changetype<usize>(c) + offsetof<PerCpu>('online'), 1);
  lapicTimerStart();
  apProcessesStart(); // kernel/proc/idle.ts: runs processes from the shared ready queue

}
