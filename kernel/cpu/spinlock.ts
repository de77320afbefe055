// Spinlocks for data several CPUs share. spinLock saves the flags and
// disables interrupts first (an interrupt handler on this CPU that wanted
// the same lock would otherwise spin forever against its own CPU), then
// takes the lock with `xchg` (locked by the CPU), spinning with `pause` on
// plain reads while another CPU holds it; spinUnlock frees it with a store
// (x86 keeps stores in order, so what was written inside is visible first)
// and restores IF as it was. A CPU that spins with interrupts off serves
// TLB shootdowns meanwhile (tlbPoll, kernel/smp/tlb.ts), as on the big
// kernel lock: the sender may hold the lock it waits for. Held locks nest: each keeps the flags of its
// own acquire, so they must be released in the reverse order.
//
// A test build checks every acquire and release (kernel/config.ts): taking
// a lock this CPU already holds (it would spin forever), taking a lock
// whose rank is not above every lock this CPU holds (the lock order, which
// makes deadlocks between CPUs impossible), releasing one this CPU does not
// hold or not the last one it took; and spinAssertNoneHeld panics where a
// CPU is about to sleep or switch away with a lock. Each is a kernel panic
// naming the lock(s). docs/smp.md, "Locks".
import { consoleWrite } from '../console/console';
import { isTestBuild } from '../config';
import { tlbPoll } from '../smp/tlb';
import { currentCpu, MAX_HELD } from './percpu';

const IF: u64 = 1 << 9;

/** A spinlock; `rank` orders it against the others (docs/smp.md has the list). */
export class Spinlock {
  /** 0 free, 1 taken: the word `xchg` works on. */
  locked: u64 = 0;
  /** The flags before the acquire that took it (IF restored by the release). */
  savedFlags: u64 = 0;
  /** 1 + the id of the CPU holding it, 0 when free (kept in test builds only). */
  owner: u64 = 0;

  constructor(readonly name: string, readonly rank: u32) {}
}

/** What `owner` holds for the running CPU. */
function cpuKey(): u64 {
  return currentCpu().id + 1;
}

/** The lock this CPU took last and still holds (test builds), or null. */
function heldTop(): Spinlock | null {
  const c = currentCpu();
  return c.heldCount == 0 ? null : changetype<Spinlock>(c.held[c.heldCount - 1]);
}

function heldPush(lock: Spinlock): void {
  const c = currentCpu();
  c.held[c.heldCount] = changetype<u64>(lock);
  c.heldCount++;
}

function heldPop(): void {
  currentCpu().heldCount--;
}

function fail(lock: Spinlock, what: string, other: Spinlock | null): never {
  consoleWrite('spinlock ');
  consoleWrite(lock.name);
  consoleWrite(': ');
  consoleWrite(what);
  if (other != null) {
    consoleWrite(' ');
    consoleWrite(other.name);
  }
  consoleWrite('\n');
  throw new Error('spinlock misuse (the line above names the lock)');
}

function take(addr: usize): bool {
  let v: u64 = 1;
  asm('xchg {v}, qword [{addr}]', asm.inout('reg', v), asm.in('reg', addr));
  return v == 0;
}

function checkAcquire(lock: Spinlock): void {
  if (lock.owner == cpuKey()) fail(lock, 'taken again by the CPU that holds it', null);
  const top = heldTop();
  if (top != null && top.rank >= lock.rank) fail(lock, 'taken while holding the lock of a rank not below it,', top);
  if (currentCpu().heldCount == MAX_HELD) fail(lock, 'taken with MAX_HELD locks held', null);
}

/** Disables interrupts, then takes `lock` (spinning while another CPU holds it). */
export function spinLock(lock: Spinlock): void {
  const flags = readFlags();
  cli();
  if (isTestBuild()) checkAcquire(lock);
  const addr = changetype<usize>(lock) + offsetof<Spinlock>('locked');
  while (!take(addr)) {
    while (volatileLoad<u64>(addr) != 0) {
      tlbPoll();
      pause();
    }
  }
  lock.savedFlags = flags;
  if (isTestBuild()) {
    lock.owner = cpuKey();
    heldPush(lock);
  }
}

/** Frees `lock` (taken by this CPU, the last it took) and restores the interrupt flag of its acquire. */
export function spinUnlock(lock: Spinlock): void {
  if (isTestBuild()) {
    if (lock.owner != cpuKey()) fail(lock, 'released by a CPU that does not hold it', null);
    const top = heldTop();
    if (top != null && changetype<usize>(top) != changetype<usize>(lock)) fail(lock, 'released before the lock taken after it,', top);
    heldPop();
    lock.owner = 0;
  }
  const flags = lock.savedFlags;
  const addr = changetype<usize>(lock) + offsetof<Spinlock>('locked');
  asm('mov qword [{addr}], 0', asm.in('reg', addr));
  if ((flags & IF) != 0) sti();
}

/** Whether this CPU holds `lock` (test builds; always false otherwise). */
export function spinHeld(lock: Spinlock): bool {
  return lock.owner == cpuKey();
}

/** Panics in a test build if this CPU holds any spinlock: call where it may sleep or switch away (`what` says where). */
export function spinAssertNoneHeld(what: string): void {
  if (!isTestBuild()) return;
  const top = heldTop();
  if (top != null) fail(top, what, null);
}
