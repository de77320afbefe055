// Per-CPU data, reached through the GS base. While the CPU runs kernel code
// the GS base points at its PerCpu; while it runs user code the GS base is
// the user's (0) and the kernel's pointer waits in IA32_KERNEL_GS_BASE.
// Every entry from ring 3 swaps the two with `swapgs` (the system-call
// entry always, the interrupt stubs when the interrupted code was in ring
// 3: compiler/x86/interrupts.ts), and every return to ring 3 swaps them
// back. The system-call entry finds the kernel stack here and parks the
// user rsp here. One PerCpu per CPU, numbered in start-up order (0: the
// boot CPU; kernel/smp/smp.ts adds the others). docs/interrupts.md,
// "Per-CPU data", and docs/smp.md.
import { MAX_CPUS } from '../acpi/madt';
import { tssAddress } from './tss';

/** Spinlocks one CPU may hold at once in a test build (kernel/cpu/spinlock.ts keeps them here). */
export const MAX_HELD: i32 = 8;
const MSR_GS_BASE: u32 = 0xc000_0101;
const MSR_KERNEL_GS_BASE: u32 = 0xc000_0102;

/** The fields the assembly reads by offset (kernel/syscall/entry.ts): self 0, kernelStackTop 8, userRsp 16, syscallWork 24, id 32. */
export class PerCpu {
  /** Its own address: `mov rax, [gs:0]` gives the PerCpu. */
  self: u64 = 0;
  /** The kernel stack top of the process this CPU runs: where a system call switches to. */
  kernelStackTop: u64 = 0;
  /** The user rsp, between a system call's first instruction and its first push. */
  userRsp: u64 = 0;
  /** Nonzero when the process this CPU runs may have work at the end of its system call (kernel/proc/sched.ts noteSyscallWork). */
  syscallWork: u64 = 0;
  /** The CPU's number (0: the boot CPU). */
  id: u64 = 0;
  /** Its local APIC id. */
  apicId: u64 = 0;
  /** 1 once the CPU runs on its own GDT, TSS and GS base and has reported in (written by the CPU itself). */
  online: u64 = 0;
  /** Its GDT and TSS (the boot CPU's are the static ones of gdt.ts and tss.ts). */
  gdt: u64 = 0;
  tss: u64 = 0;
  /** The top of its idle stack (the boot CPU's: tskc's boot stack, 0 here). */
  stackTop: u64 = 0;
  /** Its timer interrupts (an AP's local APIC timer, kernel/smp/timer.ts; the boot CPU counts PIT ticks in pit.ts instead). */
  ticks: u64 = 0;
  /** The scheduler's state of this CPU (kernel/proc/sched.ts): the Process it runs, its idle context (pid 0), the ticks the current one has run of its slice, and 1 when the next return to ring 3 should reschedule. */
  current: u64 = 0;
  idle: u64 = 0;
  sliceUsed: u64 = 0;
  reschedule: u64 = 0;
  /** Switches into a process on this CPU, and timer ticks that found a process in ring 3 here (docs/smp.md, "Scheduling"). */
  switches: u64 = 0;
  userTicks: u64 = 0;
  /** The physical address of the PML4 it has loaded (kernel/mm/arch.ts switchSpace; 0 until the first switch): a shootdown of user pages goes to the CPUs with their tables loaded (kernel/smp/tlb.ts). */
  pml4: u64 = 0;
  /** TLB shootdowns (kernel/smp/tlb.ts): the last generation this CPU served, the shootdowns it sent, and those it served in the IPI's handler or while it spun for the big kernel lock. */
  tlbAck: u64 = 0;
  tlbSent: u64 = 0;
  tlbByIpi: u64 = 0;
  tlbByPoll: u64 = 0;
  /** Times it found the big kernel lock taken and spun, and times its idle context halted (kernel/cpu/bkl.ts). */
  bklSpins: u64 = 0;
  idleHalts: u64 = 0;
  /** 1 while its idle loop halts waiting for work (set and cleared under the big kernel lock; a waker clears it when it claims the CPU), and the wake-up IPIs it sent and took (kernel/smp/wake.ts). */
  idleWaiting: u64 = 0;
  wakeSent: u64 = 0;
  wakeIpis: u64 = 0;
  /** The TSC when its idle context halted (0: not halted), and its cycles halted so far (kernel/cpu/idletime.ts). */
  haltedAt: u64 = 0;
  idleTsc: u64 = 0;
  /** The spinlocks it holds, in acquire order (test builds only: kernel/cpu/spinlock.ts). */
  heldCount: i32 = 0;
  readonly held = new Uint64Array(MAX_HELD);
}

const boot = new PerCpu();
const cpus = new Uint64Array(MAX_CPUS);
let count: i32 = 1;

/** Points this CPU's GS base at `cpu` (and the user's saved one at 0); before its first entry from ring 3. */
export function perCpuLoad(cpu: PerCpu): void {
  wrmsr(MSR_GS_BASE, cpu.self);
  wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/** Points the boot CPU's GS base at its PerCpu (CPU 0): the kernel's first call (kernel/main.ts), so every later currentCpu() may read GS. */
export function perCpuInit(): void {
  boot.self = changetype<u64>(boot);
  boot.online = 1;
  boot.tss = u64(tssAddress());
  cpus[0] = boot.self;
  perCpuLoad(boot);
}

/** A PerCpu for the next CPU (id = the number of CPUs so far), or null when there are MAX_CPUS already. */
export function perCpuAdd(apicId: u64): PerCpu | null {
  if (count == MAX_CPUS) return null;
  const cpu = new PerCpu();
  cpu.self = changetype<u64>(cpu);
  cpu.id = u64(count);
  cpu.apicId = apicId;
  cpus[count] = cpu.self;
  count++;
  return cpu;
}

/** How many CPUs have a PerCpu (online or still starting). */
export function perCpuCount(): i32 {
  return count;
}

/** CPU `i`'s PerCpu (0 <= i < perCpuCount()). */
export function perCpuAt(i: i32): PerCpu {
  return changetype<PerCpu>(cpus[i]);
}

/** Whether the CPU mask `mask` (bit n: the CPU whose id is n, as sched_setaffinity's) holds `c`. */
export function cpuInMask(mask: u64, c: PerCpu): bool {
  return ((mask >> c.id) & 1) != 0;
}

/** The running CPU's PerCpu: one load through GS (valid from perCpuInit, the kernel's first call, on). */
export function currentCpu(): PerCpu {
  return thisCpu();
}

/** The PerCpu of the CPU running this code (kernel mode: GS is the kernel's). */
export function thisCpu(): PerCpu {
  return changetype<PerCpu>(asm<u64>('mov {0}, [gs:0]', asm.out('reg')));
}
