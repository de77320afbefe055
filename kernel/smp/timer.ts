// The local APIC timer of each AP: calibrated once on the boot CPU against
// the PIT (a one-shot count from 0xFFFFFFFF over 10 ms, divide by 16), then
// started periodic at PIT_HZ on each AP as it comes up, at vector
// LAPIC_TIMER_VECTOR. Each tick counts in the CPU's PerCpu.ticks (the boot
// CPU keeps the PIT, whose ticks it counts there too), so tests can see
// every CPU take interrupts. Nothing is scheduled on them yet.
// docs/smp.md, "Local APIC timer".
import { currentCpu } from '../cpu/percpu';
import { pitDelayUs } from '../interrupts/pit';
import { lapicEoi, lapicRead, lapicWrite } from './lapic';

/** The timer's vector (above the 8259s' 0x20-0x2F, below the spurious 0xFF). */
export const LAPIC_TIMER_VECTOR: u32 = 0xf0;
const REG_LVT_TIMER: usize = 0x320;
const REG_TIMER_INITIAL: usize = 0x380;
const REG_TIMER_CURRENT: usize = 0x390;
const REG_TIMER_DIVIDE: usize = 0x3e0;
const DIVIDE_BY_16: u32 = 0x3;
const LVT_MASKED: u32 = 1 << 16;
const LVT_PERIODIC: u32 = 1 << 17;
const CALIBRATION_US: u64 = 10_000; // one PIT tick's worth: the period of a 100 Hz timer

let countPerTick: u32 = 0;

/** Measures the timer's counts per 10 ms on this CPU (the boot CPU, before `sti`); 0 if it did not count. */
export function lapicTimerCalibrate(): u32 {
  lapicWrite(REG_TIMER_DIVIDE, DIVIDE_BY_16);
  lapicWrite(REG_LVT_TIMER, LVT_MASKED | LAPIC_TIMER_VECTOR);
  lapicWrite(REG_TIMER_INITIAL, 0xffff_ffff);
  pitDelayUs(CALIBRATION_US);
  const left = lapicRead(REG_TIMER_CURRENT);
  lapicWrite(REG_TIMER_INITIAL, 0); // stopped
  countPerTick = 0xffff_ffff - left;
  return countPerTick;
}

/** Starts this CPU's timer, periodic at the calibrated rate (nothing without a calibration). */
export function lapicTimerStart(): bool {
  if (countPerTick == 0) return false;
  lapicWrite(REG_TIMER_DIVIDE, DIVIDE_BY_16);
  lapicWrite(REG_LVT_TIMER, LVT_PERIODIC | LAPIC_TIMER_VECTOR);
  lapicWrite(REG_TIMER_INITIAL, countPerTick);
  return true;
}

let tickHook: (() => void) | null = null;

/** Makes every AP tick call `hook` first (the test build's `cpus panic` and `cpus tlb`, kernel/testing/). */
export function lapicTimerSetHook(hook: () => void): void {
  tickHook = hook;
}

/** Takes the hook away again. */
export function lapicTimerClearHook(): void {
  tickHook = null;
}

/** The timer interrupt's body (kernel/interrupts/vectors.ts): one tick for this CPU. */
export function lapicTimerTick(): void {
  const hook = tickHook;
  if (hook !== null) hook();
  currentCpu().ticks++;
  lapicEoi();
}
