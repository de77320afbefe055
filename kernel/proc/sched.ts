// The scheduler: each CPU's current process, one FIFO ready queue for all
// CPUs (a CPU takes the first process whose affinity mask allows it), and
// the switch between processes. Round robin, preemptive in ring
// 3: a process gives up the CPU in a system call that blocks or yields, by
// faulting, or when its CPU's timer finds its time slice (TIME_SLICE_TICKS)
// used up while it runs user code and another process is ready. Kernel code
// is never preempted: it runs with interrupts off, under the big kernel
// lock (kernel/cpu/bkl.ts), and the switch happens only at the end of an
// interrupt that came from ring 3 (preemptIfDue). When nothing is ready a
// CPU runs its idle context (pid 0 on its start-up stack), which halts
// until an interrupt. The per-CPU state lives in the CPU's PerCpu. Exited
// processes become zombies on a list (any number of them) and are reaped
// at the next schedule or switch, on any CPU; one whose parent has yet to
// take its status (a background child not waited for) stays in the table,
// Dead, until it does. docs/processes.md and docs/smp.md, "Scheduling".
import { cpuInMask, currentCpu, PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { spinAssertNoneHeld } from '../cpu/spinlock';
import { isTestBuild } from '../config';
import { tssSetRsp0 } from '../cpu/tss';
import { fdCloseAll } from '../fs/fdtable';
import { destroyAddressSpace } from '../mm/teardown';
import { switchSpace } from '../mm/arch';
import { kmapKernelPml4 } from '../mm/kmap';
import { tlbCheckUnloaded } from '../smp/tlb';
import { wakeIdleCpu } from '../smp/wake';
import { kstackFree, kstackTop } from './kstack';
import { Process, processOrphan, processRemove, State } from './process';
import { programRelease } from './programs';
import { signalsFree } from './signal';
import { pollTick } from './pollwait';
import { wakeSleepers } from './sleep';
import { fpuRestore, fpuSave, switchStacks } from './switch';
import { sleepOn, wakeAll } from './waitqueue';

/** The MSR that holds the FS segment's base. */
const MSR_FS_BASE: u32 = 0xc000_0100;

/** Timer ticks (10 ms each, kernel/interrupts/pit.ts) a process runs in ring 3 before another ready one gets the CPU. */
export const TIME_SLICE_TICKS: u64 = 1;

/** The boot CPU's idle context; each AP gets its own (schedCpuInit). */
const bootIdle = new Process();
let readyHead: Process | null = null;
let readyTail: Process | null = null;
let zombies: Process | null = null;

/** Makes `idle` this CPU's idle context and current process (the boot CPU's before its first schedule, an AP's on start-up). */
function cpuIdleSet(c: PerCpu, idle: Process): void {
  idle.setName('idle'); // a new Process has no name: spawn and fork give it its program's
  idle.cpu = i64(c.id);
  c.idle = changetype<u64>(idle);
  c.current = c.idle;
}

/** Makes the boot CPU's idle context its current process: right after perCpuInit (kernel/main.ts), before anything asks for the current process. */
export function schedInit(): void {
  cpuIdleSet(currentCpu(), bootIdle);
}

/** Gives the AP `c` its idle context (pid 0, to run on its own start-up stack); the boot CPU calls it while preparing the AP. */
export function schedIdleFor(c: PerCpu): void {
  cpuIdleSet(c, new Process());
}

function idleOf(c: PerCpu): Process {
  return changetype<Process>(c.idle);
}

/** Never null: schedInit (the boot CPU) and schedIdleFor (an AP) set it before the CPU runs anything that asks. */
function cur(): Process {
  return changetype<Process>(currentCpu().current);
}

/** Asks the current process's next system-call exit to look for work (signals, rt_sigreturn); the syscall entry reads PerCpu.syscallWork. */
export function noteSyscallWork(): void {
  currentCpu().syscallWork = 1;
}

/** Takes the note (the exit work is running). */
export function takeSyscallWork(): void {
  currentCpu().syscallWork = 0;
}

/** The process running now on this CPU (its idle context between processes). */
export function currentProcess(): Process {
  return cur();
}

/** Sets the current process's FS base (arch_prctl) and loads it. */
export function setFsBase(base: u64): void {
  cur().fsBase = base;
  wrmsr(MSR_FS_BASE, base);
}

/** Whether this CPU's idle context is running (no process). */
export function idleRunning(): bool {
  const c = currentCpu();
  return cur() === idleOf(c);
}

/** Whether the process `p` may run on the CPU `c` (its affinity mask, sched_setaffinity). */
export function allowedOn(p: Process, c: PerCpu): bool {
  return cpuInMask(p.affinity, c);
}

/** The first ready process this CPU may run. */
function firstForHere(): Process | null {
  const c = currentCpu();
  let p = readyHead;
  while (p !== null && !allowedOn(p, c)) p = p.next;
  return p;
}

/** Whether a process other than the current one is ready to run on this CPU. */
export function othersReady(): bool {
  return firstForHere() !== null;
}

/** Puts `p` at the end of the ready queue, and wakes a CPU halted in its idle loop to run it (kernel/smp/wake.ts). */
export function makeReady(p: Process): void {
  p.state = State.Ready;
  p.next = null;
  if (readyTail === null) readyHead = p;
  else readyTail.next = p;
  readyTail = p;
  wakeIdleCpu(p.affinity);
}

/** Makes the sleeping `p` ready, and the next return to ring 3 reschedules, so that it runs soon. */
export function wakeProcess(p: Process): void {
  makeReady(p);
  currentCpu().reschedule = 1;
}

/** Takes the first ready process this CPU may run off the queue (null: none). */
function takeReady(): Process | null {
  const first = readyHead;
  if (first === null || !allowedOn(first, currentCpu())) return takeReadyFurther();
  readyHead = first.next; // the usual case, the queue's head: no search
  if (readyHead === null) readyTail = null;
  first.next = null;
  return first;
}

/** takeReady past a head this CPU may not run. */
function takeReadyFurther(): Process | null {
  const c = currentCpu();
  let before: Process | null = null;
  let p = readyHead;
  while (p !== null && !allowedOn(p, c)) {
    before = p;
    p = p.next;
  }
  if (p === null) return null;
  if (before === null) readyHead = p.next;
  else before.next = p.next;
  if (readyTail === p) readyTail = before;
  p.next = null;
  return p;
}

/** Frees what the zombies still hold (their kernel stacks and the objects), except the current one's. */
function reapZombies(): void {
  let keep: Process | null = null;
  while (zombies !== null) {
    const z = zombies;
    zombies = z.next;
    if (z === cur()) {
      keep = z;
      continue;
    }
    kstackFree(z.kstack);
    signalsFree(z);
    if (z.parent !== null) {
      z.state = State.Dead; // its parent's wait frees it
      continue;
    }
    processRemove(z);
    free(z);
  }
  zombies = keep;
  if (keep !== null) keep.next = null;
}

/** Switches from the current process to `next`; returns when something switches back. */
function switchTo(next: Process): void {
  const c = currentCpu();
  const prev = cur();
  fpuSave(prev.fpuArea());
  c.current = changetype<u64>(next);
  c.sliceUsed = 0;
  c.reschedule = 0;
  next.state = State.Running;
  next.cpu = i64(c.id);
  const space = next.space;
  if (space !== null) {
    c.switches++;
    switchSpace(space.pml4);
    const top = u64(kstackTop(next.kstack));
    c.kernelStackTop = top; // where the syscall entry switches to
    tssSetRsp0(c.tss, top); // and interrupts from ring 3
    wrmsr(MSR_FS_BASE, next.fsBase); // always: ring 3 can change the base behind the kernel's back (mov fs, …)
  } else {
    switchSpace(kmapKernelPml4());
  }
  fpuRestore(next.fpuArea());
  c.syscallWork = next.sigPending; // pending signals are delivered on its way out
  switchStacks(changetype<usize>(addressof(prev.savedRsp)), next.savedRsp);
  // Back in `prev`, later: whoever exited meanwhile can be reaped now.
  if (zombies !== null) reapZombies();
}

/**
 * Runs the next ready process, or the idle context when none is. The
 * caller has already queued the current process (makeReady), or made it
 * wait or exit; interrupts are off (system calls run with IF clear).
 */
export function schedule(): void {
  if (isTestBuild()) spinAssertNoneHeld('held where the scheduler switches away'); // no process sleeps holding a spinlock (the test inline: the switch path)
  if (zombies !== null) reapZombies(); // also those a switch into a new process (trapReturn) left, possibly on another CPU
  let next = takeReady();
  if (next === null) next = idleOf(currentCpu());
  const now = cur();
  if (next === now) {
    now.state = State.Running;
    return;
  }
  switchTo(next);
}

/**
 * After sched_setaffinity changed `p`'s mask: the caller leaves this CPU at
 * once if it may no longer run here (it carries on on an allowed one);
 * a process running on another CPU that may no longer leaves at that CPU's
 * next tick (preemptIfDue).
 */
export function affinityChanged(p: Process): void {
  const c = currentCpu();
  if (p === cur()) {
    if (allowedOn(p, c)) return;
    makeReady(p);
    schedule();
  } else if (p.state == State.Running && p.cpu >= 0 && p.cpu < i64(perCpuCount())) perCpuAt(i32(p.cpu)).reschedule = 1;
}

/** sched_yield: lets every other ready process run first. */
export function yieldCpu(): void {
  if ((readyHead === null || !othersReady()) && allowedOn(cur(), currentCpu())) return; // nobody else: keep running (an empty queue needs no search)
  if (!idleRunning()) makeReady(cur());
  schedule();
}

/**
 * Takes the status of `child`, which the current process spawned: at once
 * if it has exited, else after sleeping until its exit wakes the caller.
 * The child then belongs to nobody (a dead one is freed here, a zombie by
 * the reaper).
 */
export function waitForChild(child: Process): i64 {
  const p = cur();
  child.parent = p;
  while (child.state != State.Zombie && child.state != State.Dead) sleepOn(p.childExited);
  return takeChildStatus(child);
}

/**
 * The status of the exited `child` of the current process, which gives it
 * up: its ticks join the caller's children's, and the child belongs to
 * nobody (a dead one is freed here, a zombie by the reaper).
 */
export function takeChildStatus(child: Process): i64 {
  reapZombies(); // a zombie child is off every CPU (its exit switched away under the big kernel lock): it becomes Dead now
  const status = child.status; // read before a dead child is freed
  child.parent = null;
  const p = cur();
  p.childUserTicks += child.userTicks + child.childUserTicks;
  p.childSystemTicks += child.systemTicks + child.childSystemTicks;
  if (child.state == State.Dead) {
    processRemove(child);
    free(child);
  }
  return status;
}

/**
 * The boot CPU's timer (the PIT), on every tick: wakes the processes whose
 * sleep has ended, then does this CPU's part (schedCpuTick).
 */
export function schedTick(now: u64, fromUser: bool): void {
  wakeSleepers(now);
  pollTick(now);
  schedCpuTick(fromUser);
}

/**
 * A timer tick on this CPU (the PIT's on the boot CPU, the local APIC
 * timer's on an AP): charges it to the current process (`fromUser`: it was
 * running user code) and asks for a switch when its slice is used up.
 */
export function schedCpuTick(fromUser: bool): void {
  const c = currentCpu();
  const p = cur();
  if (p === idleOf(c)) return;
  if (fromUser) {
    p.userTicks++;
    c.userTicks++;
  } else p.systemTicks++;
  c.sliceUsed++;
  if (c.sliceUsed >= TIME_SLICE_TICKS) c.reschedule = 1;
}

/**
 * At the end of an interrupt that came from ring 3, with interrupts off:
 * if the slice is over or a wake-up has made a process ready, the current
 * process goes to the back of the ready queue and the next one runs. It
 * resumes here later (on this CPU or another) and returns through the
 * interrupt's stub to user code.
 */
export function preemptIfDue(): void {
  const c = currentCpu();
  if (c.reschedule == 0) return;
  c.reschedule = 0;
  if (idleRunning() || (!othersReady() && allowedOn(cur(), c))) return; // one no longer allowed here (sched_setaffinity) leaves too
  makeReady(cur());
  schedule();
}

/**
 * Ends the current process with `status`: its address space goes at once,
 * its kernel stack (in use until the switch) when it is reaped. Wakes the
 * process waiting for it. Never returns.
 */
export function exitCurrent(status: i64): never {
  const p = cur();
  if (idleRunning()) throw new Error('exitCurrent: the idle context cannot exit');
  p.status = status;
  if (p.children > 0) processOrphan(p);
  fdCloseAll(p); // a pipe end closes with its last fd: readers see end of file, writers EPIPE
  const space = p.space;
  if (space !== null) {
    switchSpace(kmapKernelPml4());
    tlbCheckUnloaded(space.pml4); // no CPU may walk its tables once they are freed
    destroyAddressSpace(space);
    p.space = null;
  }
  programRelease(p.program); // its pages are gone: a disk program may go too
  p.program = -1;
  p.state = State.Zombie;
  p.next = zombies;
  zombies = p;
  const parent = p.parent;
  if (parent !== null) wakeAll(parent.childExited);
  schedule();
  throw new Error('exitCurrent: a zombie was scheduled');
}
