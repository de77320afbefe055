// The test build's commands `cpus tlb` and `cpus tlb off`: a kernel page
// that CPU 1 has read (so its TLB holds the translation) is remapped by
// CPU 0 to another frame, then CPU 1 reads it again. With the shootdown
// (kernel/smp/tlb.ts) every read sees the frame mapped at that moment;
// `cpus tlb off` does one remap without reaching the other CPUs, and CPU 1
// reads the old frame through its stale entry: what the shootdown is for.
// CPU 1 reads in its local APIC timer tick (lapicTimerSetHook), without the
// big kernel lock; CPU 0 lets the lock go while it waits for each read. The
// remaps alternate between CPU 1 halted in its idle loop (served by the IPI)
// and CPU 1 spinning for the lock CPU 0 holds (served in its spin loop).
// Answers, one line each:
//
//   tlb read N: 0xVALUE ok | stale        what CPU 1 read, and whether it was the mapped frame's
//   tlb remap N: by ipi | by poll | none   how CPU 1 served that remap's shootdown
//   cpus tlb: reads R stale S shootdowns D, then "cpus tlb end"
import { consoleWrite, consoleWriteHex, consoleWriteUint } from '../console/console';
import { bklAcquire, bklRelease } from '../cpu/bkl';
import { currentCpu, PerCpu, perCpuAt, perCpuCount } from '../cpu/percpu';
import { ticks } from '../interrupts/pit';
import { allocFrame, freeFrame } from '../mm/frames';
import { kmapKernelPml4, RW_NX } from '../mm/kmap';
import { map, NOT_MAPPED, translate, unmap } from '../mm/paging';
import { physToVirt } from '../mm/phys';
import { lapicTimerClearHook, lapicTimerSetHook } from '../smp/timer';
import { tlbSetShootOthers } from '../smp/tlb';

/** A kernel address nothing else maps: the last 2 MiB of the direct map's PML4 slot 256 (511 GiB up), whose tables every address space shares. */
const TEST_VA: u64 = 0xffff_807f_ffe0_0000;
const VALUE_A: u64 = 0xa1a1_a1a1_0000_000a;
const VALUE_B: u64 = 0xb2b2_b2b2_0000_000b;
/** PIT ticks (10 ms) CPU 0 waits for CPU 1 at each step. */
const WAIT_TICKS: u64 = 500;
const READS: u64 = 5;

/** The number of the read CPU 1 is asked for, and of the last it did. */
let request: u64 = 0;
let served: u64 = 0;
let lastRead: u64 = 0;

function word(v: usize): u64 {
  return volatileLoad<u64>(v);
}

function field(c: PerCpu, offset: usize): u64 {
  return word(changetype<usize>(c) + offset);
}

/** CPU 1's timer tick: does the read asked for, if any. */
function readOnCpu1(): void {
  if (currentCpu().id != 1) return;
  const r = word(changetype<usize>(addressof(request)));
  if (r == word(changetype<usize>(addressof(served)))) return;
  volatileStore<u64>(changetype<usize>(addressof(lastRead)), word(usize(TEST_VA)));
  volatileStore<u64>(changetype<usize>(addressof(served)), r);
}

/**
 * Asks CPU 1 for read `r` and waits for it with the lock let go; with
 * `thenHalt`, also until CPU 1 has gone back to its halt. Returns with the
 * lock taken again; false on a time-out.
 */
function readOnOther(r: u64, cpu1: PerCpu, thenHalt: bool): bool {
  volatileStore<u64>(changetype<usize>(addressof(request)), r);
  bklRelease();
  sti();
  const until = ticks() + WAIT_TICKS;
  while (word(changetype<usize>(addressof(served))) != r && ticks() < until) pause();
  let ok = word(changetype<usize>(addressof(served))) == r;
  if (ok && thenHalt) {
    const halts = field(cpu1, offsetof<PerCpu>('idleHalts'));
    while (field(cpu1, offsetof<PerCpu>('idleHalts')) == halts && ticks() < until) pause();
    ok = field(cpu1, offsetof<PerCpu>('idleHalts')) != halts;
  }
  cli();
  bklAcquire();
  sti(); // as the console runs commands: the lock held, interrupts on
  return ok;
}

/** Waits (the lock held) until CPU 1 spins for it; false on a time-out. */
function untilSpinning(cpu1: PerCpu): bool {
  const spins = field(cpu1, offsetof<PerCpu>('bklSpins'));
  const until = ticks() + WAIT_TICKS;
  while (field(cpu1, offsetof<PerCpu>('bklSpins')) == spins && ticks() < until) pause();
  return field(cpu1, offsetof<PerCpu>('bklSpins')) != spins;
}

/** Maps TEST_VA to `frame` instead, with a shootdown unless `shoot` is false; says how CPU 1 served it. */
function remap(n: u64, frame: u64, cpu1: PerCpu, shoot: bool): void {
  const ipi = field(cpu1, offsetof<PerCpu>('tlbByIpi'));
  const poll = field(cpu1, offsetof<PerCpu>('tlbByPoll'));
  tlbSetShootOthers(shoot);
  unmap(kmapKernelPml4(), TEST_VA);
  tlbSetShootOthers(true);
  if (!map(kmapKernelPml4(), TEST_VA, frame, RW_NX)) throw new Error('cpus tlb: out of memory');
  consoleWrite('tlb remap ');
  consoleWriteUint(n);
  if (field(cpu1, offsetof<PerCpu>('tlbByIpi')) != ipi) consoleWrite(': by ipi\n');
  else if (field(cpu1, offsetof<PerCpu>('tlbByPoll')) != poll) consoleWrite(': by poll\n');
  else consoleWrite(': none\n');
}

/** `cpus tlb` (`shoot`) and `cpus tlb off`. */
export function cpusTlbCommand(shoot: bool): void {
  if (perCpuCount() < 2 || field(perCpuAt(1), offsetof<PerCpu>('online')) == 0) {
    consoleWrite('cpus tlb: needs two CPUs\ncpus tlb end\n');
    return;
  }
  const pml4 = kmapKernelPml4();
  const frameA = allocFrame();
  const frameB = allocFrame();
  if (frameA == 0 || frameB == 0 || translate(pml4, TEST_VA) != NOT_MAPPED) throw new Error('cpus tlb: no frames, or the test page is in use');
  store<u64>(physToVirt(frameA), VALUE_A);
  store<u64>(physToVirt(frameB), VALUE_B);
  if (!map(pml4, TEST_VA, frameA, RW_NX)) throw new Error('cpus tlb: out of memory');
  const cpu1 = perCpuAt(1);
  const sent = currentCpu().tlbSent;
  volatileStore<u64>(changetype<usize>(addressof(request)), 0);
  volatileStore<u64>(changetype<usize>(addressof(served)), 0);
  lapicTimerSetHook(readOnCpu1);
  const reads = shoot ? READS : 2;
  let stale: u64 = 0;
  let done: u64 = 0;
  for (let r: u64 = 1; r <= reads; r++) {
    const halted = r % 2 == 1; // the remap after an odd read finds CPU 1 halted, after an even one spinning
    if (!readOnOther(r, cpu1, halted && r < reads)) {
      consoleWrite('cpus tlb: cpu 1 did not answer\n');
      break;
    }
    done++;
    const v = word(changetype<usize>(addressof(lastRead)));
    const expected = r % 2 == 1 ? VALUE_A : VALUE_B; // A after an even number of remaps
    consoleWrite('tlb read ');
    consoleWriteUint(r);
    consoleWrite(': ');
    consoleWriteHex(v);
    if (v != expected) stale++;
    consoleWrite(v == expected ? ' ok\n' : ' stale\n');
    if (r == reads) break;
    if (!halted && !untilSpinning(cpu1)) consoleWrite('cpus tlb: cpu 1 never spun for the lock\n');
    remap(r, r % 2 == 1 ? frameB : frameA, cpu1, shoot);
  }
  lapicTimerClearHook();
  unmap(pml4, TEST_VA); // shot down everywhere, the stale entry of `off` too, before the frames go
  freeFrame(frameA);
  freeFrame(frameB);
  consoleWrite('cpus tlb: reads ');
  consoleWriteUint(done);
  consoleWrite(' stale ');
  consoleWriteUint(stale);
  consoleWrite(' shootdowns ');
  consoleWriteUint(currentCpu().tlbSent - sent);
  consoleWrite('\ncpus tlb end\n');
}
