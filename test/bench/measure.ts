// Building and measuring one benchmark executable: median wall time over
// several runs with output verification, and instruction counts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { DIGEST } from './suite.js';

export interface Timed {
  /** median wall time in ms */
  ms: number;
  /** every run's wall time in ms */
  runs: number[];
}

export class WrongOutput extends Error {}

/** Whether a run's output is `expected`: the text itself, or `sha256:HEX` of it. */
const outputIs = (stdout: string, expected: string): boolean =>
  expected.startsWith(DIGEST) ? DIGEST + createHash('sha256').update(stdout).digest('hex') === expected : stdout === expected;

/** Room for the longest output (fasta's 25 MB). */
const MAX_OUTPUT = 1 << 26;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs `argv` `runs` times, checking each run's stdout against `expected`. */
export function timeRuns(argv: string[], runs: number, expected: string): Timed {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: MAX_OUTPUT });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 || !outputIs(r.stdout, expected)) {
      throw new WrongOutput(
        `${argv.join(' ')}: exit ${r.status}, output ${JSON.stringify(r.stdout.slice(0, 200))}, ` +
          `expected ${JSON.stringify(expected)}${r.stderr ? `\n${r.stderr.slice(0, 500)}` : ''}`,
      );
    }
    times.push(ms);
  }
  return { ms: median(times), runs: times };
}

export type Counter = 'perf' | 'callgrind';

/** The first instruction counter that works here: `perf stat`, else callgrind. */
export function findCounter(): Counter | undefined {
  const perf = spawnSync('perf', ['stat', '-x,', '-e', 'instructions', 'true'], { encoding: 'utf8' });
  if (perf.status === 0 && /^\d+,/m.test(perf.stderr)) return 'perf';
  const vg = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (vg.status === 0) return 'callgrind';
  return undefined;
}

/** Instructions executed by one run of `exe` (user space only). */
export function countInstructions(counter: Counter, exe: string, expected: string): number {
  const argv =
    counter === 'perf'
      ? ['perf', 'stat', '-x,', '-e', 'instructions:u', exe]
      : ['valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null', exe];
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: MAX_OUTPUT });
  if (r.status !== 0 || !outputIs(r.stdout, expected)) throw new WrongOutput(`${argv.join(' ')}: exit ${r.status}`);
  const m = counter === 'perf' ? /^(\d+),/m.exec(r.stderr) : /Collected : (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`${counter}: no instruction count in its output`);
  return Number(m[1]);
}

export function geomean(xs: number[]): number {
  return xs.length === 0 ? NaN : Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}
