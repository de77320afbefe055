// The scheduler: the current process, a FIFO ready queue, and the switch
// between processes. Round robin, preemptive in ring 3: a process gives up
// the CPU in a system call that blocks or yields, by faulting, or when the
// timer finds its time slice (TIME_SLICE_TICKS) used up while it runs user
// code and another process is ready. Kernel code is never preempted: system
// calls run with interrupts off, and the switch happens only at the end of
// an interrupt that came from ring 3 (preemptIfDue). When nothing is ready
// the idle context (pid 0, the kernel's boot stack) halts the CPU until an
// interrupt. Exited processes become zombies on a list (any number of them)
// and are reaped by the next context that runs; one whose parent has yet to
// take its status (a background child not waited for) stays in the table,
// Dead, until it does. docs/processes.md.
import { thisCpu } from '../cpu/percpu';
import { spinAssertNoneHeld } from '../cpu/spinlock';
import { tssSetRsp0 } from '../cpu/tss';
import { fdCloseAll } from '../fs/fdtable';
import { destroyAddressSpace } from '../mm/teardown';
import { switchSpace } from '../mm/arch';
import { kmapKernelPml4 } from '../mm/kmap';
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

const idle = new Process();
let current: Process = idle;
let readyHead: Process | null = null;
let readyTail: Process | null = null;
let zombies: Process | null = null;
/** Ticks the current process has run of its slice. */
let sliceUsed: u64 = 0;
/** Set when the slice is over or a wake-up made a process ready: the next return to ring 3 reschedules. */
let reschedule = false;

/**
 * Nonzero when the current process may have work at the end of its system
 * call (a signal to deliver, a context to restore by iretq): the syscall
 * entry checks this one word and only then calls syscallExitWork
 * (signal.ts). @export tskc_syscall_work
 */
let syscallWork: u64 = 0;

/** Asks the current process's next system-call exit to look for work (signals, rt_sigreturn). */
export function noteSyscallWork(): void {
  syscallWork = 1;
}

/** Takes the note (the exit work is running). */
export function takeSyscallWork(): void {
  syscallWork = 0;
}

/** The process running now (the idle context between processes). */
export function currentProcess(): Process {
  return current;
}

/** Sets the current process's FS base (arch_prctl) and loads it. */
export function setFsBase(base: u64): void {
  current.fsBase = base;
  wrmsr(MSR_FS_BASE, base);
}

/** Whether the idle context is running (no process). */
export function idleRunning(): bool {
  return current === idle;
}

/** Whether a process other than the current one is ready to run. */
export function othersReady(): bool {
  return readyHead !== null;
}

/** Puts `p` at the end of the ready queue. */
export function makeReady(p: Process): void {
  p.state = State.Ready;
  p.next = null;
  if (readyTail === null) readyHead = p;
  else readyTail.next = p;
  readyTail = p;
}

/** Makes the sleeping `p` ready, and the next return to ring 3 reschedules, so that it runs soon. */
export function wakeProcess(p: Process): void {
  makeReady(p);
  reschedule = true;
}

function takeReady(): Process | null {
  const p = readyHead;
  if (p !== null) {
    readyHead = p.next;
    if (readyHead === null) readyTail = null;
    p.next = null;
  }
  return p;
}

/** Frees what the zombies still hold (their kernel stacks and the objects), except the current one's. */
function reapZombies(): void {
  let keep: Process | null = null;
  while (zombies !== null) {
    const z = zombies;
    zombies = z.next;
    if (z === current) {
      keep = z;
      continue;
    }
    kstackFree(z.kstack);
    free(z.fds);
    free(z.childExited);
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
  const prev = current;
  fpuSave(prev.fpuArea());
  current = next;
  sliceUsed = 0;
  reschedule = false;
  next.state = State.Running;
  const space = next.space;
  if (space !== null) {
    switchSpace(space.pml4);
    const top = u64(kstackTop(next.kstack));
    thisCpu().kernelStackTop = top; // where the syscall entry switches to
    tssSetRsp0(top); // and interrupts from ring 3
    wrmsr(MSR_FS_BASE, next.fsBase); // always: ring 3 can change the base behind the kernel's back (mov fs, …)
  } else {
    switchSpace(kmapKernelPml4());
  }
  fpuRestore(next.fpuArea());
  syscallWork = next.sigPending; // pending signals are delivered on its way out
  switchStacks(changetype<usize>(addressof(prev.savedRsp)), next.savedRsp);
  // Back in `prev`, later: whoever exited meanwhile can be reaped now.
  reapZombies();
}

/**
 * Runs the next ready process, or the idle context when none is. The
 * caller has already queued the current process (makeReady), or made it
 * wait or exit; interrupts are off (system calls run with IF clear).
 */
export function schedule(): void {
  spinAssertNoneHeld('held where the scheduler switches away'); // test builds: no process sleeps holding a spinlock
  let next = takeReady();
  if (next === null) next = idle;
  if (next === current) {
    current.state = State.Running;
    return;
  }
  switchTo(next);
}

/** sched_yield: lets every other ready process run first. */
export function yieldCpu(): void {
  if (readyHead === null) return; // nobody else: keep running
  if (current !== idle) makeReady(current);
  schedule();
}

/**
 * Takes the status of `child`, which the current process spawned: at once
 * if it has exited, else after sleeping until its exit wakes the caller.
 * The child then belongs to nobody (a dead one is freed here, a zombie by
 * the reaper).
 */
export function waitForChild(child: Process): i64 {
  child.parent = current;
  while (child.state != State.Zombie && child.state != State.Dead) sleepOn(current.childExited);
  return takeChildStatus(child);
}

/**
 * The status of the exited `child` of the current process, which gives it
 * up: its ticks join the caller's children's, and the child belongs to
 * nobody (a dead one is freed here, a zombie by the reaper).
 */
export function takeChildStatus(child: Process): i64 {
  const status = child.status; // read before a dead child is freed
  child.parent = null;
  current.childUserTicks += child.userTicks + child.childUserTicks;
  current.childSystemTicks += child.systemTicks + child.childSystemTicks;
  if (child.state == State.Dead) {
    processRemove(child);
    free(child);
  }
  return status;
}

/**
 * The timer's part, on every tick: wakes the processes whose sleep has
 * ended, charges the tick to the current process (`fromUser`: it was running
 * user code), and asks for a switch when its slice is used up.
 */
export function schedTick(now: u64, fromUser: bool): void {
  wakeSleepers(now);
  pollTick(now);
  if (current === idle) return;
  if (fromUser) current.userTicks++;
  else current.systemTicks++;
  sliceUsed++;
  if (sliceUsed >= TIME_SLICE_TICKS) reschedule = true;
}

/**
 * At the end of an interrupt that came from ring 3, with interrupts off:
 * if the slice is over or a wake-up has made a process ready, the current
 * process goes to the back of the ready queue and the next one runs. It
 * resumes here later and returns through the interrupt's stub to user code.
 */
export function preemptIfDue(): void {
  if (!reschedule) return;
  reschedule = false;
  if (current === idle || readyHead === null) return;
  makeReady(current);
  schedule();
}

/**
 * Ends the current process with `status`: its address space goes at once,
 * its kernel stack (in use until the switch) when it is reaped. Wakes the
 * process waiting for it. Never returns.
 */
export function exitCurrent(status: i64): never {
  const p = current;
  if (p === idle) throw new Error('exitCurrent: the idle context cannot exit');
  p.status = status;
  if (p.children > 0) processOrphan(p);
  fdCloseAll(p); // a pipe end closes with its last fd: readers see end of file, writers EPIPE
  const space = p.space;
  if (space !== null) {
    switchSpace(kmapKernelPml4());
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
