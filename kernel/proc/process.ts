// The process table: one Process per running program, found by pid. A
// process owns a kernel stack (with a guard page), an address space, a user
// stack inside it, an fd table and its FPU state; all of it is returned when
// it is reaped (sched.ts). pid 0 is the idle context, the kernel's boot
// stack, which owns none of these. docs/processes.md.
import { AddressSpace } from '../mm/aspace';
import { Device } from '../fs/device';

export const enum State {
  Ready = 1,
  Running = 2,
  /** Blocked on a wait queue or a timer (waitqueue.ts, sleep.ts) until a wake-up. */
  Sleeping = 3,
  /** Exited; its kernel stack and this object wait to be reaped. */
  Zombie = 4,
  /** Exited and reaped, kept (in its table slot) until its parent's wait takes the status. */
  Dead = 5,
}

/** How many processes can exist at once (the idle context not counted). */
export const MAX_PROCESSES: i32 = 64;
/** File descriptors per process. */
export const MAX_FDS: i32 = 16;
/** Where mmap places anonymous mappings: 1 TiB above the program image. */
export const MMAP_BASE: u64 = 0x0000_4100_0000_0000; // USER_START + 1 TiB
/** The most frames one process may hold for its user half (program, stack and mmap pages, and the page tables under its PML4): 32 MiB. */
export const MAX_USER_PAGES: u64 = 8192;

/** Processes sleeping until something happens, oldest first (waitqueue.ts sleeps and wakes them). */
export class WaitQueue {
  head: Process | null = null;
  tail: Process | null = null;

  /** Whether nobody sleeps here. */
  isEmpty(): bool {
    return this.head === null;
  }
}

/** The longest process name kept. */
const NAME_BYTES: usize = 63;

export class Process {
  pid: i64 = 0;
  /** Its index in the process table; -1 when it has none. */
  slot: i32 = -1;
  state: i32 = 0;
  /** The program it runs (its index in programs.ts; -1 for the idle context). */
  program: i64 = -1;
  /** Its name, a copy of its program's (at most NAME_BYTES bytes), as a tskc string: `name`, set with setName (the length, the bytes and a NUL). */
  readonly nameBuf = new Uint8Array(72);
  space: AddressSpace | null = null;
  /** The guard page of its kernel stack (kstack.ts); 0 for the idle context. */
  kstack: u64 = 0;
  /** Its kernel rsp while another process runs (switch.ts). */
  savedRsp: u64 = 0;
  /** The process that spawned it and takes its status, until it has (null: nobody will). */
  parent: Process | null = null;
  /** getppid: the pid of the process that spawned it, or 1 once that one has exited (as Linux reparents to init). */
  ppid: i64 = 0;
  /** How many of its children run in the background (spawned without waiting) and are not waited for yet. */
  children: i32 = 0;
  /** Its open fds: bit fd set while fds[fd] is not null (kernel/fs/fdtable.ts keeps it; fork and exit visit only these). */
  fdOpen: u16 = 0;
  /** Set by rt_sigreturn: the system call returns through iretq with every register of the trap frame. */
  restoreFull: bool = false;
  /** Whether its current sleep ends when a signal comes (waitqueue.ts, sleep.ts). */
  interruptible: bool = false;
  /** Its exit status: what exit() got, 256 + the vector of the fault that killed it, or 512 + the signal that did. */
  status: i64 = 0;
  /** The next process in the ready queue, a wait queue or the zombie list. */
  next: Process | null = null;
  /** The next process sleeping until a tick, while it does (sleep.ts). */
  timerNext: Process | null = null;
  /** The tick it sleeps until, while on the timer list. */
  wakeTick: u64 = 0;
  /** Timer ticks that found it running in ring 3, and in the kernel (times()). */
  userTicks: u64 = 0;
  systemTicks: u64 = 0;
  /** The ticks of the children it has waited for (times()). */
  childUserTicks: u64 = 0;
  childSystemTicks: u64 = 0;
  /** Its fds (inside the object, as fdModes: a process is one heap block). */
  readonly fds = new Array<Device | null>(MAX_FDS);
  /** Each fd's access mode and close-on-exec flag (kernel/fs/fdtable.ts). */
  readonly fdModes = new Uint8Array(MAX_FDS);
  /** The CPU it runs on, or last ran on (PerCpu.id; ps shows it). */
  cpu: i64 = 0;
  /** The CPUs it may run on, bit i for CPU i (sched_setaffinity; every CPU by default, inherited by fork and spawn). */
  affinity: u64 = 0xffff_ffff_ffff_ffff;
  /** Its FS base (arch_prctl ARCH_SET_FS: user thread-local storage), loaded whenever it runs. */
  fsBase: u64 = 0;
  /** Its process group (setpgid); the console's foreground group gets Ctrl+C's SIGINT. */
  pgid: i64 = 0;
  /** Signals sent and not yet delivered, and those it blocks: bit n - 1 for signal n (signal.ts). */
  sigPending: u64 = 0;
  sigBlocked: u64 = 0;
  /** Its own mask while a call (ppoll) runs with another; sigRestore: to be put back at the system call's exit (signal.ts signalMaskEnd). */
  sigSaved: u64 = 0;
  sigRestore: bool = false;
  /** The next address mmap hands out. */
  mmapNext: u64 = MMAP_BASE;
  /** Per signal n, at 4 * (n - 1): handler (SIG_DFL, SIG_IGN or an address), flags, restorer, mask; null while every action is the default; after fork shared with the parent until either changes one (signal.ts). */
  sigActions: Uint64Array | null = null;
  /** What sent its pending fault signal's: the faulting address (si_addr), else the sender's pid. */
  sigInfo: u64 = 0;
  /** The wait queue it sleeps on while an interruptible sleep (a signal takes it off); null otherwise. */
  sleepingOn: WaitQueue | null = null;
  /** 512 bytes of FPU/SSE state at a 16-byte-aligned offset (fpuArea). */
  readonly fpu = new Uint8Array(528);

  /**
   * Where it sleeps while waiting for a child: each exiting child wakes its
   * parent's queue. The queue belongs to its table slot (an idle context's
   * is shared), so a process is one heap block: a queue of its own was an
   * allocation and a free at every fork.
   */
  get childExited(): WaitQueue {
    return this.slot < 0 ? idleChildWaits : childWaits[this.slot]!;
  }

  /** The name `ps` shows: its program's, kept here so that it outlives the program (programs.ts). */
  get name(): string {
    return changetype<string>(changetype<usize>(this.nameBuf) + 8);
  }

  setName(s: string): void {
    const n = usize(s.length) < NAME_BYTES ? usize(s.length) : NAME_BYTES;
    const at = changetype<usize>(this.nameBuf) + 8;
    store<u64>(at, u64(n));
    memcpy(at + 8, changetype<usize>(s) + 8, n);
    store<u8>(at + 8 + n, 0);
  }

  fpuArea(): usize {
    return (changetype<usize>(this.fpu) + 8 + 15) & ~usize(15);
  }
}

const table = new Array<Process | null>(64);
/** Each table slot's wait queue for its process's children (Process.childExited), made once at start-up. */
const childWaits = new Array<WaitQueue | null>(MAX_PROCESSES);
for (let i: i32 = 0; i < MAX_PROCESSES; i++) childWaits[i] = new WaitQueue();
/** The idle contexts' (their slot is -1): only the kernel's own spawns wait there. */
const idleChildWaits = new WaitQueue();
let nextPid: i64 = 1;
let live: i32 = 0;

/** Puts `p` in a free slot and gives it the next pid; false when the table is full. */
export function processAdd(p: Process): bool {
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    if (table[i] === null) {
      table[i] = p;
      p.slot = i;
      p.pid = nextPid;
      nextPid++;
      live++;
      return true;
    }
  }
  return false;
}

/** Takes `p` out of the table (it is being reaped). */
export function processRemove(p: Process): void {
  if (p.slot < 0 || table[p.slot] !== p) throw new Error('processRemove: not in the table');
  table[p.slot] = null;
  p.slot = -1;
  live--;
}

/** The process `pid` if `parent` spawned it in the background and has not taken its status yet; else null. */
export function processChild(parent: Process, pid: i64): Process | null {
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = table[i];
    if (p !== null && p.pid == pid && p.parent === parent) return p;
  }
  return null;
}

/**
 * `parent` is exiting: its background children will have nobody to take
 * their status. Those still running carry on as orphans; those already
 * dead leave the table and are freed.
 */
export function processOrphan(parent: Process): void {
  for (let i: i32 = 0; i < MAX_PROCESSES && parent.children > 0; i++) {
    const p = table[i];
    if (p === null || p.parent !== parent) continue;
    p.parent = null;
    p.ppid = 1;
    parent.children--;
    if (p.state == State.Dead) {
      processRemove(p);
      free(p);
    }
  }
}

/** A child of `parent` (forked, or spawned in the background, and not waited for) in group `pgid` (0: any) that has exited, or null. */
export function processExitedChild(parent: Process, pgid: i64): Process | null {
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = table[i];
    if (p !== null && p.parent === parent && (pgid == 0 || p.pgid == pgid) && (p.state == State.Zombie || p.state == State.Dead)) return p;
  }
  return null;
}

/** Whether `parent` has a child not waited for in group `pgid` (0: any). */
export function processHasChild(parent: Process, pgid: i64): bool {
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = table[i];
    if (p !== null && p.parent === parent && (pgid == 0 || p.pgid == pgid)) return true;
  }
  return false;
}

/** The process in table slot `i` (0 … MAX_PROCESSES - 1), or null: for walks over every process (kill, ps). */
export function processAt(i: i32): Process | null {
  return table[i];
}

/** The live process `pid` (not one that has exited), or null. */
export function processByPid(pid: i64): Process | null {
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = table[i];
    if (p !== null && p.pid == pid && p.state != State.Zombie && p.state != State.Dead) return p;
  }
  return null;
}

/** Processes in the table (zombies not yet reaped included). */
export function processCount(): i32 {
  return live;
}

/** Whether the table has room for another process. */
export function processTableFull(): bool {
  return live >= MAX_PROCESSES;
}
