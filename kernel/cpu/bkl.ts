// The big kernel lock: one lock that every CPU holds while it runs kernel
// code, so the kernel stays serialized (the way it was written for one CPU)
// while user code runs on all CPUs at once. A CPU takes it on every way
// into the kernel from ring 3 or from the idle loop (a system call, an
// interrupt or an exception: bklEnter) and lets it go on the way back to
// ring 3 (the system-call exit, trapReturn, the end of an interrupt
// handler: bklLeave) and when its idle loop halts. A process that sleeps
// does not hold it as a process: the CPU keeps it through the switch to
// the next process or the idle loop, which lets it go. The boot CPU holds
// it from the start (the boot is kernel code) until its idle loop first
// halts. Interrupts are off whenever it is taken (kernel entries clear IF),
// and a CPU spins on it with interrupts off, so it serves a TLB shootdown of
// the holder in the spin loop (tlbPoll) instead of the IPI it cannot take.
// docs/smp.md, "The big kernel lock" and "TLB shootdown".
import { tlbPoll } from '../smp/tlb';
import { currentCpu } from './percpu';
import { idleHaltBegin, idleHaltEnd } from './idletime';
import { enableAndWait } from './wait';

/** 0 free, 1 taken: the word `xchg` works on (the system-call entry takes it inline). @export tskc_bkl_word */
let word: u64 = 1;
/** 1 + the id of the CPU holding it (the boot CPU, 0, holds it from the start). @export tskc_bkl_owner */
let owner: u64 = 1;
/** Times a CPU found it taken and had to spin (a measure of contention). */
let contended: u64 = 0;

function cpuKey(): u64 {
  return currentCpu().id + 1;
}

function take(addr: usize): bool {
  let v: u64 = 1;
  asm('xchg {v}, qword [{addr}]', asm.inout('reg', v), asm.in('reg', addr));
  return v == 0;
}

/** Whether the running CPU holds the lock. */
export function bklHeld(): bool {
  return volatileLoad<u64>(changetype<usize>(addressof(owner))) == cpuKey();
}

/** Takes the lock (interrupts must be off), spinning while another CPU holds it. */
export function bklAcquire(): void {
  const addr = changetype<usize>(addressof(word));
  if (!take(addr)) {
    contended++;
    currentCpu().bklSpins++;
    do {
      while (volatileLoad<u64>(addr) != 0) {
        tlbPoll(); // the holder may be waiting for this CPU to flush its TLB
        pause();
      }
    } while (!take(addr));
  }
  volatileStore<u64>(changetype<usize>(addressof(owner)), cpuKey());
}

/** Frees the lock this CPU holds. */
export function bklRelease(): void {
  volatileStore<u64>(changetype<usize>(addressof(owner)), 0);
  const addr = changetype<usize>(addressof(word));
  asm('mov qword [{addr}], 0', asm.in('reg', addr)); // a plain store: x86 keeps the kernel's earlier stores before it
}

/** An entry into the kernel: takes the lock unless this CPU already holds it; whether it took it (for bklLeave). */
export function bklEnter(): bool {
  if (bklHeld()) return false;
  bklAcquire();
  return true;
}

/** The end of the entry bklEnter said `took` for. */
export function bklLeave(took: bool): void {
  if (took) bklRelease();
}

/** The system-call entry's acquire when its inline `xchg` found the lock taken (kernel/syscall/entry.ts): spins. @export tskc_bkl_enter */
export function bklSyscallEnter(): void {
  bklAcquire();
}

/** The release before a return to ring 3 from the system-call exit or trapReturn. @export tskc_bkl_exit */
export function bklExit(): void {
  bklRelease();
}

/**
 * An idle context's wait (interrupts off, the lock held): lets the lock go,
 * halts until an interrupt, and takes it back with interrupts off again.
 */
export function bklIdleWait(): void {
  currentCpu().idleHalts++;
  bklRelease();
  idleHaltBegin();
  enableAndWait();
  idleHaltEnd(); // if the interrupt's entry did not already
  cli();
  bklAcquire();
}

/** How often a CPU had to wait for the lock. */
export function bklContended(): u64 {
  return contended;
}
