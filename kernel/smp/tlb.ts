// TLB flushes and shootdowns. Every page-table change that removes or
// narrows a mapping ends here (paging.ts's flush hook, set by archInit):
// this CPU drops the pages from its own TLB, and every other CPU that may
// hold them is made to drop them too before the change is relied on (a
// freed frame reused, a guard page counted on). The kernel's range (the
// upper half, and below USER_START the APs' trampoline pages while they
// start) is shared by every address space: all online CPUs flush it.
// A user range concerns only the CPUs that have its tables loaded
// (PerCpu.pml4): without PCIDs a CR3 load drops every entry of the space it
// replaces, so a CPU that ran a process before keeps none of its entries.
//
// The protocol (docs/smp.md, "TLB shootdown"): the sender holds the big
// kernel lock (every page-table change does), so there is one shootdown at
// a time. With interrupts off it publishes the tables and the range, then a
// new generation; sends the CPUs concerned a fixed IPI at TLB_VECTOR; and
// waits until each has stored that generation in its PerCpu.tlbAck. A CPU
// serves it in the IPI's handler, which takes no lock (tlbInterrupt), or,
// while it spins for the big kernel lock with interrupts off and so cannot
// take the IPI, in the spin loop itself (tlbPoll): so no CPU ever waits for
// the sender's lock before it answers, and the wait cannot deadlock.
import { bklHeld } from '../cpu/bkl';
import { currentCpu, PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { USER_END, USER_START } from '../mm/aspace';
import { currentPml4 } from '../mm/arch';
import { lapicEoi, lapicSendFixed } from './lapic';

/** The shootdown IPI's vector (just above the local APIC timer's, 0xF0). */
export const TLB_VECTOR: u32 = 0xf1;
/** A longer range is dropped by a whole flush instead of invlpg page by page. */
const FULL_FLUSH_PAGES: u64 = 32;
/** The published tables of a kernel-range shootdown: every CPU flushes, whatever it has loaded. */
const ALL_SPACES: u64 = 0;
/** TSC cycles the sender waits for the answers before it panics (seconds on any CPU QEMU emulates). */
const WAIT_CYCLES: u64 = 30_000_000_000;
const CR4_PGE: u64 = 1 << 7;

/** The current shootdown: its generation (0: none yet), tables and range, written by the sender in that order. */
let generation: u64 = 0;
let shotTables: u64 = 0;
let shotLo: u64 = 0;
let shotHi: u64 = 0;
/** Test builds: 0 skips the other CPUs (the `cpus tlb` experiment that shows the stale read). */
let othersToo: u64 = 1;

function at(v: usize): u64 {
  return volatileLoad<u64>(v);
}

/** Drops every entry of this CPU's TLB (global ones too, if CR4.PGE is ever turned on). */
function flushAll(): void {
  const cr4 = readCr4();
  if ((cr4 & CR4_PGE) != 0) {
    writeCr4(cr4 & ~CR4_PGE);
    writeCr4(cr4);
  } else writeCr3(readCr3());
}

/** Drops this CPU's entries for the pages [lo, hi) (and its cached walks through them). */
function flushLocal(lo: u64, hi: u64): void {
  if (hi <= lo) return;
  if (hi - lo > FULL_FLUSH_PAGES * 4096) {
    flushAll();
    return;
  }
  for (let a = lo; a < hi; a += 4096) invlpg(usize(a));
}

/** Whether the CPU `c` may cache entries of `tables` (ALL_SPACES: the kernel's range, every CPU). */
function concerned(c: PerCpu, tables: u64): bool {
  if (at(changetype<usize>(c) + offsetof<PerCpu>('online')) == 0) return false;
  return tables == ALL_SPACES || c.pml4 == tables;
}

/**
 * paging.ts's flush hook: the pages [lo, hi) of the tables at `pml4`
 * changed. Drops them here, then from every other CPU that may hold them.
 */
export function tlbFlushRange(pml4: u64, lo: u64, hi: u64): void {
  const tables = lo < USER_START || lo >= USER_END ? ALL_SPACES : pml4;
  if (tables == ALL_SPACES || currentPml4() == pml4) flushLocal(lo, hi);
  if (perCpuCount() > 1 && othersToo != 0) shootOthers(tables, lo, hi);
}

/** Drops every user entry of the tables at `pml4` on every CPU that has them loaded (fork: its pages became copy-on-write). */
export function tlbFlushSpace(pml4: u64): void {
  tlbFlushRange(pml4, USER_START, USER_END);
}

/** Panics if a CPU still has the tables at `pml4` loaded; before they are freed (exit, execve). */
export function tlbCheckUnloaded(pml4: u64): void {
  if (pml4 == 0) return; // a space that never got tables
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    if (perCpuAt(i).pml4 == pml4) throw new Error('an address space is freed while a CPU has it loaded');
  }
}

function shootOthers(tables: u64, lo: u64, hi: u64): void {
  const me = currentCpu();
  let targets: u32 = 0;
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    const c = perCpuAt(i);
    if (c !== me && concerned(c, tables)) targets |= u32(1) << u32(i);
  }
  if (targets == 0) return;
  if (!bklHeld()) throw new Error('tlb shootdown without the big kernel lock');
  const flags = readFlags();
  cli(); // the sender answers nothing meanwhile: its own pages are flushed already
  volatileStore<u64>(changetype<usize>(addressof(shotTables)), tables);
  volatileStore<u64>(changetype<usize>(addressof(shotLo)), lo);
  volatileStore<u64>(changetype<usize>(addressof(shotHi)), hi);
  const g = generation + 1;
  volatileStore<u64>(changetype<usize>(addressof(generation)), g); // after the range: x86 keeps stores in order
  me.tlbAck = g; // nothing for this CPU to serve (a late IPI finds nothing new)
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    if ((targets & (u32(1) << u32(i))) != 0) lapicSendFixed(u32(perCpuAt(i).apicId), TLB_VECTOR); // one lost: its spin or tick still serves it
  }
  waitForAnswers(targets, g);
  me.tlbSent++;
  writeFlags(flags);
}

/** Waits until every CPU of `targets` has served generation `g`; panics after WAIT_CYCLES. */
function waitForAnswers(targets: u32, g: u64): void {
  const start = rdtsc();
  for (let i: i32 = 0; i < perCpuCount(); i++) {
    if ((targets & (u32(1) << u32(i))) == 0) continue;
    const ack = changetype<usize>(perCpuAt(i)) + offsetof<PerCpu>('tlbAck');
    while (at(ack) != g) {
      if (rdtsc() - start > WAIT_CYCLES) throw new Error('tlb shootdown: a CPU did not answer');
      pause();
    }
  }
}

/**
 * Serves the current shootdown on this CPU unless it has already: drops the
 * published range if it concerns this CPU and counts it (in tlbByIpi or
 * tlbByPoll, at `counter`), then acknowledges. Takes no lock and touches
 * only the published range and this CPU's own PerCpu.
 */
function serve(counter: usize): void {
  const me = currentCpu();
  const g = at(changetype<usize>(addressof(generation)));
  if (g == me.tlbAck) return;
  const tables = at(changetype<usize>(addressof(shotTables)));
  if (tables == ALL_SPACES || currentPml4() == tables) {
    flushLocal(at(changetype<usize>(addressof(shotLo))), at(changetype<usize>(addressof(shotHi))));
    const count = changetype<usize>(me) + counter;
    volatileStore<u64>(count, at(count) + 1); // before the answer: the sender may read it next
  }
  volatileStore<u64>(changetype<usize>(me) + offsetof<PerCpu>('tlbAck'), g); // after the flush
}

/** The IPI's handler (kernel/interrupts/vectors.ts), without the big kernel lock. */
export function tlbInterrupt(): void {
  serve(offsetof<PerCpu>('tlbByIpi'));
  lapicEoi();
}

/** Called by a CPU that spins for the big kernel lock with interrupts off (kernel/cpu/bkl.ts): serves a shootdown the IPI cannot bring. */
export function tlbPoll(): void {
  if (at(changetype<usize>(addressof(generation))) == currentCpu().tlbAck) return;
  serve(offsetof<PerCpu>('tlbByPoll'));
}

/** Test builds: whether a shootdown reaches the other CPUs (off only to show the stale read it prevents). */
export function tlbSetShootOthers(on: bool): void {
  othersToo = on ? 1 : 0;
}
