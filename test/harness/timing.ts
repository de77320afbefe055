// Hang limits for tests that drive QEMU. A limit exists only to turn a real
// hang into a failure with the serial log; it must never trip because the
// host is busy (two QEMUs sharing a core, a CPU hog, a slow CI machine). So
// every limit is a generous base multiplied by the time scale:
//   - TSKC_TIME_SCALE (a number ≥ 1) when set, for a machine known to be slow;
//   - otherwise measured: a short loop of CPU work is timed twice, by the
//     wall clock and by the CPU time this process got. On an idle machine the
//     two agree; when the cores are shared, wall time runs ahead by about the
//     number of runnable processes per core, and so do QEMU's guests. That
//     ratio, clamped to [1, MAX_SCALE], is the scale.
// The measurement runs once per test worker and takes about 20 ms of CPU.
import { createHash } from 'node:crypto';

const CALIBRATION_ROUNDS = 10_000;
/** The largest measured scale: one unlucky measurement should not make a real hang take an hour to report. */
const MAX_SCALE = 8;

/** Wall time over CPU time of a short hashing loop: about 1 on an idle host, more when cores are shared. */
export function measureContention(): number {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  let digest = Buffer.alloc(32);
  for (let i = 0; i < CALIBRATION_ROUNDS; i++) digest = createHash('sha256').update(digest).digest();
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return (performance.now() - wall0) / Math.max(cpuMs, 1);
}

function scaleFromEnvironment(): number {
  const text = process.env.TSKC_TIME_SCALE;
  if (text === undefined || text === '') return Math.min(MAX_SCALE, Math.max(1, measureContention()));
  const n = Number(text);
  if (!Number.isFinite(n) || n < 1) throw new Error(`TSKC_TIME_SCALE must be a number ≥ 1, not ${JSON.stringify(text)}`);
  return n;
}

/** The factor every hang limit of the QEMU tests is multiplied by (≥ 1). */
export const TIME_SCALE = scaleFromEnvironment();

/** A hang limit: `baseMs` (what a quiet machine needs, with a wide margin) times TIME_SCALE. */
export function hangLimit(baseMs: number): number {
  return Math.ceil(baseMs * TIME_SCALE);
}
