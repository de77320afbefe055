// The time calls: nanosleep, clock_gettime, clock_getres and times. The
// kernel's clock is the timer's tick counter (kernel/interrupts/pit.ts, 100 Hz,
// so every clock has a resolution of 10 ms); CLOCK_REALTIME adds the CMOS
// clock's time at boot (timeInit), as seconds since 1970 (UTC).
import { rtcEpochSeconds, RtcTime } from '../drivers/rtc-decode';
import { PIT_HZ, ticks } from '../interrupts/pit';
import { copyFromUser, copyToUser } from '../mm/usercopy';
import { currentProcess } from '../proc/sched';
import { sleepUntil } from '../proc/sleep';
import {
  CLOCK_BOOTTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_COARSE, CLOCK_MONOTONIC_RAW, CLOCK_PROCESS_CPUTIME_ID, CLOCK_REALTIME,
  CLOCK_REALTIME_COARSE, CLOCK_THREAD_CPUTIME_ID, EINTR, EINVAL,
} from './numbers';

const NS_PER_SECOND: u64 = 1_000_000_000;
const NS_PER_TICK: u64 = NS_PER_SECOND / PIT_HZ;
/** The longest sleep nanosleep carries out, in seconds (about 31 years); longer ones sleep this long. */
const MAX_SLEEP_SECONDS: u64 = 1_000_000_000;

/** Seconds from 1970 to the moment the tick counter started (the boot's RTC reading). */
let bootEpoch: u64 = 0;
/** A timespec or a struct tms on its way to or from user memory. */
const words = new Uint64Array(4);

/** Sets the wall clock from the CMOS clock's reading at boot. */
export function timeInit(boot: RtcTime): void {
  bootEpoch = rtcEpochSeconds(boot);
}

/** Seconds since 1970 now (file times on the volume). */
export function wallSeconds(): u64 {
  return bootEpoch + ticks() / PIT_HZ;
}

/** The clock `clock` in nanoseconds, or -1 for a clock id Linux does not have or this kernel does not keep. */
function clockNs(clock: u64): i64 {
  const now = ticks() * NS_PER_TICK;
  if (clock == u64(CLOCK_REALTIME) || clock == u64(CLOCK_REALTIME_COARSE)) return i64(bootEpoch * NS_PER_SECOND + now);
  if (clock == u64(CLOCK_MONOTONIC) || clock == u64(CLOCK_MONOTONIC_RAW) || clock == u64(CLOCK_MONOTONIC_COARSE) || clock == u64(CLOCK_BOOTTIME)) {
    return i64(now);
  }
  if (clock == u64(CLOCK_PROCESS_CPUTIME_ID) || clock == u64(CLOCK_THREAD_CPUTIME_ID)) {
    const p = currentProcess();
    return i64((p.userTicks + p.systemTicks) * NS_PER_TICK);
  }
  return -1;
}

/** Writes the timespec `ns` to user address `tp`: 0, or -EFAULT. */
export function putTimespec(tp: u64, ns: u64): i64 {
  words[0] = ns / NS_PER_SECOND;
  words[1] = ns % NS_PER_SECOND;
  return copyToUser(tp, changetype<usize>(words) + 8, 16);
}

/** clock_gettime(clock, tp): 0, -EINVAL for an unknown clock, -EFAULT for a bad tp. */
export function sysClockGettime(clock: u64, tp: u64): i64 {
  const ns = clockNs(clock);
  if (ns < 0) return -EINVAL;
  return putTimespec(tp, u64(ns));
}

/** clock_getres(clock, res): every clock ticks at PIT_HZ; res may be 0 (NULL). */
export function sysClockGetres(clock: u64, res: u64): i64 {
  if (clockNs(clock) < 0) return -EINVAL;
  return res == 0 ? 0 : putTimespec(res, NS_PER_TICK);
}

/**
 * The ticks a wait of `seconds` and `ns` (a checked timespec) lasts at
 * least: rounded up to whole ticks, plus one (the tick under way is partly
 * over); seconds beyond MAX_SLEEP_SECONDS count as that. nanosleep, ppoll.
 */
export function timeoutTicks(seconds: u64, ns: u64): u64 {
  const whole = seconds < MAX_SLEEP_SECONDS ? seconds : MAX_SLEEP_SECONDS;
  return whole * PIT_HZ + (ns + NS_PER_TICK - 1) / NS_PER_TICK + 1;
}

/**
 * nanosleep(req, rem): sleeps at least as long as `req` says, rounded up to
 * whole ticks, plus one (the tick under way is partly over). A signal
 * ends it early with -EINTR, the time left written to `rem` (unless 0).
 * -EINVAL for a negative or unnormalised time, -EFAULT for a bad `req`.
 */
export function sysNanosleep(req: u64, rem: u64): i64 {
  const r = copyFromUser(changetype<usize>(words) + 8, req, 16);
  if (r < 0) return r;
  const seconds = i64(words[0]);
  const ns = i64(words[1]);
  if (seconds < 0 || ns < 0 || u64(ns) >= NS_PER_SECOND) return -EINVAL;
  if (seconds == 0 && ns == 0) return 0;
  const until = ticks() + timeoutTicks(u64(seconds), u64(ns));
  if (sleepUntil(until)) return 0;
  if (rem != 0) {
    const left = until > ticks() ? (until - ticks()) * NS_PER_TICK : 0;
    const w = putTimespec(rem, left);
    if (w < 0) return w;
  }
  return -EINTR;
}

/**
 * times(buf): the caller's user and system ticks, and those of the children
 * it has waited for, as a struct tms of four clock_t (Linux's USER_HZ is 100,
 * the tick rate here); buf may be 0 (NULL). Returns the ticks since boot.
 */
export function sysTimes(buf: u64): i64 {
  const p = currentProcess();
  if (buf != 0) {
    words[0] = p.userTicks;
    words[1] = p.systemTicks;
    words[2] = p.childUserTicks;
    words[3] = p.childSystemTicks;
    const r = copyToUser(buf, changetype<usize>(words) + 8, 32);
    if (r < 0) return r;
  }
  return i64(ticks());
}
