// Starting the other CPUs (the boot CPU runs smpInit once, before `sti`).
// For each CPU of the MADT but itself, one at a time: a PerCpu, four
// guarded kernel stacks (its own, and the IST1..3 stacks of its TSS), its
// GDT and TSS; then INIT, 10 ms, a start-up IPI, 200 us, a second one if
// the AP has not reached long mode yet, and a wait of up to a second for it
// to report in (PerCpu.online). An AP that does not come stops the
// start-up of the rest (it might still start late and use the trampoline's
// parameters). Without a usable MADT or local APIC the boot CPU stays
// alone, with a message. First the legacy IRQs move from the 8259s to the
// I/O APIC (routeIrqs). docs/smp.md, "AP start-up" and "I/O APIC".
import { smpStopOnPanic } from './stop';
import { ioapicInit } from './ioapic';
import { irqUseIoApic } from '../interrupts/irq';
import { Madt } from '../acpi/madt';
import { acpiMadt, acpiOk } from '../acpi/acpi';
import { consoleWrite, consoleWriteUint } from '../console/console';
import { GDT_BYTES, gdtBuild } from '../cpu/gdt';
import { PerCpu, perCpuAdd, thisCpu } from '../cpu/percpu';
import { TSS_BYTES, tssFill } from '../cpu/tss';
import { pitDelayUs } from '../interrupts/pit';
import { kmalloc } from '../mm/heap';
import { kmapKernelPml4 } from '../mm/kmap';
import { kstackAlloc, kstackTop } from '../proc/kstack';
import { schedIdleFor } from '../proc/sched';
import { apMain } from './ap';
import { lapicEnable, lapicId, lapicInit, lapicSendInit, lapicSendStartup } from './lapic';
import { lapicTimerCalibrate } from './timer';
import { TRAMPOLINE_ADDR, trampolineInstall, trampolineRemove, trampolineSet, trampolineStarted } from './trampoline';

const INIT_DELAY_US: u64 = 10_000;
const STARTUP_DELAY_US: u64 = 200;
const ONLINE_WAIT_US: u64 = 1_000_000;
const POLL_US: u64 = 100;
/** The trampoline's CR3 is loaded in 32-bit mode. */
const CR3_LIMIT: u64 = 0x1_0000_0000;

let online: i32 = 1;

/** CPUs that are running (the boot CPU and every AP that reported in). */
export function cpusOnline(): i32 {
  return online;
}

function say(what: string): void {
  consoleWrite('smp: ');
  consoleWrite(what);
  consoleWrite('\n');
}

/** A guarded kernel stack's top, or 0 when memory is out. */
function stack(): u64 {
  const guard = kstackAlloc();
  return guard == 0 ? 0 : u64(kstackTop(guard));
}

/** Gives `cpu` its stacks, TSS and GDT; false when memory is out. */
function prepare(cpu: PerCpu): bool {
  const top = stack();
  const ist1 = stack();
  const ist2 = stack();
  const ist3 = stack();
  const tables = kmalloc(GDT_BYTES + TSS_BYTES + 8);
  if (top == 0 || ist1 == 0 || ist2 == 0 || ist3 == 0 || tables == 0) return false;
  memset(tables, 0, GDT_BYTES + TSS_BYTES + 8);
  const tss = tables + GDT_BYTES;
  tssFill(tss, top, ist1, ist2, ist3);
  gdtBuild(tables, tss);
  cpu.gdt = u64(tables);
  cpu.tss = u64(tss);
  cpu.stackTop = top;
  schedIdleFor(cpu); // its idle context, from the heap now: the AP allocates nothing itself
  return true;
}

/** Whether `cpu` reports in within `us` microseconds. */
function waitOnline(cpu: PerCpu, us: u64): bool {
  const flag = changetype<usize>(cpu) + offsetof<PerCpu>('online');
  for (let waited: u64 = 0; waited < us; waited += POLL_US) {
    if (volatileLoad<u64>(flag) != 0) return true;
    pitDelayUs(POLL_US);
  }
  return volatileLoad<u64>(flag) != 0;
}

/** Starts the CPU with APIC id `apicId`; false if it did not report in. */
function startAp(apicId: u32): bool {
  const cpu = perCpuAdd(u64(apicId));
  if (cpu == null) return false;
  if (!prepare(cpu)) {
    say('out of memory for a CPU');
    return false;
  }
  trampolineSet(changetype<u64>(apMain), kmapKernelPml4(), cpu.stackTop, cpu.self);
  const page = u32(TRAMPOLINE_ADDR >> 12);
  if (!lapicSendInit(apicId)) return false;
  pitDelayUs(INIT_DELAY_US);
  if (!lapicSendStartup(apicId, page)) return false;
  pitDelayUs(STARTUP_DELAY_US);
  if (!trampolineStarted() && !lapicSendStartup(apicId, page)) return false;
  return waitOnline(cpu, ONLINE_WAIT_US);
}

/** The legacy IRQs through the I/O APIC to the boot CPU, the 8259s masked; or, if it cannot be used, the 8259s as before. */
function routeIrqs(madt: Madt, bootApicId: u32): void {
  lapicEnable(); // the boot CPU's APIC as the APs' (spurious vector, task priority 0): it takes the I/O APIC's messages
  const why = ioapicInit(madt, bootApicId);
  if (why.length != 0) {
    say(why);
    say('IRQs stay on the 8259s');
    return;
  }
  irqUseIoApic();
  consoleWrite('smp: IRQs through the I/O APIC to cpu 0; 8259s masked\n');
}

/** Starts every other CPU of the MADT, one at a time; prints how many CPUs run. */
export function smpInit(): void {
  if (!acpiOk()) return; // acpiInit said why: one CPU
  const madt = acpiMadt();
  const why = lapicInit(madt.lapicAddress);
  if (why.length != 0) {
    say(why);
    say('one CPU');
    return;
  }
  const boot = thisCpu();
  boot.apicId = u64(lapicId());
  if (!madt.hasCpu(u32(boot.apicId))) {
    say('the boot CPU is not in the MADT; one CPU');
    return;
  }
  routeIrqs(madt, u32(boot.apicId));
  if (madt.cpuCount > 1) {
    consoleWrite('smp: local APIC timer ');
    consoleWriteUint(u64(lapicTimerCalibrate()));
    consoleWrite(' counts per 10 ms\n');
  }
  consoleWrite('cpu 0: online, APIC id ');
  consoleWriteUint(boot.apicId);
  consoleWrite('\n');
  if (madt.cpuCount > 1) {
    if (kmapKernelPml4() >= CR3_LIMIT || !trampolineInstall()) {
      trampolineRemove();
      say('cannot place the start-up trampoline; one CPU');
      return;
    }
  }
  for (let i: i32 = 0; i < madt.cpuCount; i++) {
    const id = madt.apicIds[i];
    if (u64(id) == boot.apicId) continue;
    if (!startAp(id)) {
      consoleWrite('smp: the CPU with APIC id ');
      consoleWriteUint(u64(id));
      consoleWrite(' did not start; no more CPUs started\n');
      break;
    }
    online++;
  }
  if (madt.cpuCount > 1) trampolineRemove(); // nothing stays mapped low
  if (online > 1) smpStopOnPanic(); // a panic on any CPU halts the others first
  consoleWrite('smp: ');
  consoleWriteUint(u64(online));
  consoleWrite(online == 1 ? ' CPU online\n' : ' CPUs online\n');
}

