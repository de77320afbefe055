// Part 6 of `npm run bench` (issue #18): several CPUs.
//  (a) Instructions, under `-icount shift=0,sleep=off` with `-smp 2`
//      (single-threaded TCG: the TSC counts the guest instructions of both
//      CPUs, whatever the host's load): an IPI round trip between CPU 0 and
//      a halted CPU 1 (the test build's `cpus ipi`, kernel/testing/ipi.ts),
//      and a cross-CPU wake-up through a pipe (`pingpong`: two processes
//      pinned to CPUs 0 and 1, userland/programs/pingpong.ts), with the
//      same ping-pong on one CPU beside it.
//  (b) Speedup: `split 4 MROUNDS`, a CPU-bound job of fixed size split over
//      four processes (userland/programs/split.ts), its wall time (the
//      guest's CLOCK_MONOTONIC, which follows the host's clock without
//      -icount) under `-smp 1` (`-accel tcg`) and under `-smp 2`
//      (`-accel tcg,thread=multi`: one host thread per guest CPU), the
//      median of o.runs boots each, and their ratio. Wall time: only a
//      figure measured on an otherwise idle machine with two free cores
//      means anything (the goal: 1.7x or more).
import { join } from 'node:path';
import { buildKernelImage } from '../../compiler/cli/image.js';
import { boot } from './kernel-paths.js';
import { table, type Part, type PartResult } from './parts.js';

/** The test build's console prompt after its banner. */
const TEST_PROMPT = 'hello from TypeScript\r\n> ';
const ROUNDS = 200;
/** The split job: processes and millions of rounds (about 4.5 s of one guest CPU under TCG on the 2-core EPYC host). */
const SPLIT_PROCESSES = 4;
const SPLIT_MROUNDS = 1000;
const LIMIT_MS = 600_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function smpArgs(cpus: number): string[] {
  return ['-smp', String(cpus), ...(cpus > 1 ? ['-accel', 'tcg,thread=multi'] : ['-accel', 'tcg'])];
}

/** The figures of `pingpong` lines in `text`: by the other CPU (0 or 1), the fewest and median wake-up and round trip. */
function pingpongFigures(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/pingpong: \d+ rounds, cpus 0 and (\d)\r?\npingpong: wake (\d+) (\d+)\r?\npingpong: round-trip (\d+) (\d+)/g)) {
    const where = m[1] === '1' ? 'cross' : 'same';
    out.set(`${where}-wake-min`, Number(m[2])).set(`${where}-wake-median`, Number(m[3]));
    out.set(`${where}-trip-min`, Number(m[4])).set(`${where}-trip-median`, Number(m[5]));
  }
  return out;
}

async function splitMs(image: string, cpus: number): Promise<number> {
  const { text } = await boot(image, false, `split ${SPLIT_PROCESSES} ${SPLIT_MROUNDS}\r`, (t) => /split: .* ms, check \d+/.test(t), smpArgs(cpus), LIMIT_MS);
  return Number(/split: \d+ processes, \d+ million rounds, (\d+) ms/.exec(text)![1]);
}

const fmt = (n: number | undefined): string => (n === undefined ? '?' : n.toLocaleString('en-US'));

export const smpPart: Part = {
  key: 'smp',
  title: 'several CPUs (instructions under -icount -smp 2; split-job wall time -smp 1 vs -smp 2, multi-threaded TCG)',
  run: async (o): Promise<PartResult> => {
    o.log('smp: building the kernel and its test build');
    const img = buildKernelImage({ outDir: join(o.outDir, 'smp', 'kernel'), debug: false, quiet: true });
    const testImg = buildKernelImage({ outDir: join(o.outDir, 'smp', 'kernel-test'), debug: false, quiet: true, test: true });
    o.log('smp: cpus ipi and pingpong under -icount -smp 2');
    const icountSmp2 = ['-smp', '2'];
    const ipi = await boot(testImg.diskImage, true, 'cpus ipi\r', 'cpus ipi end', icountSmp2, LIMIT_MS, TEST_PROMPT);
    const ipiMatch = /cpus ipi: \d+ round trips, fewest (\d+), median (\d+)/.exec(ipi.text);
    const pp = await boot(img.diskImage, true, `pingpong ${ROUNDS}\rpingpong ${ROUNDS} same\r`, (t) => pingpongFigures(t).has('same-trip-median'), icountSmp2, LIMIT_MS);
    const f = pingpongFigures(pp.text);
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < o.runs; i++) { // interleaved, so a change in the host's load hits both alike
      o.log(`smp: split ${SPLIT_PROCESSES} ${SPLIT_MROUNDS}, run ${i + 1} of ${o.runs}`);
      one.push(await splitMs(img.diskImage, 1));
      two.push(await splitMs(img.diskImage, 2));
    }
    const speedup = median(one) / median(two);
    const rows = [
      ['IPI round trip, CPU 0 to a halted CPU 1 and back (cpus ipi)', fmt(ipiMatch ? Number(ipiMatch[1]) : undefined), fmt(ipiMatch ? Number(ipiMatch[2]) : undefined), ''],
      ['wake-up across CPUs: pipe write to the woken process in ring 3', fmt(f.get('cross-wake-min')), fmt(f.get('cross-wake-median')), ''],
      ['pipe round trip across CPUs (two wake-ups)', fmt(f.get('cross-trip-min')), fmt(f.get('cross-trip-median')), ''],
      ['pipe round trip, both processes on CPU 0', fmt(f.get('same-trip-min')), fmt(f.get('same-trip-median')), ''],
      [`split ${SPLIT_PROCESSES} ${SPLIT_MROUNDS}: wall ms, -smp 1`, '', String(median(one)), ''],
      [`split ${SPLIT_PROCESSES} ${SPLIT_MROUNDS}: wall ms, -smp 2 (thread=multi)`, '', String(median(two)), ''],
      ['speedup -smp 1 -> -smp 2', '', `${speedup.toFixed(2)}x`, speedup >= 1.7 ? '>= 1.7 met' : '>= 1.7 MISSED'],
    ];
    const lines = table(['path', 'fewest', 'median', 'target'], rows);
    lines.push('', 'instructions: -icount shift=0,sleep=off, -smp 2, all CPUs counted; wall ms: only an idle host with two free cores gives a speedup that means anything.');
    return {
      lines,
      json: {
        instructions: { ipiMin: ipiMatch ? Number(ipiMatch[1]) : null, ipiMedian: ipiMatch ? Number(ipiMatch[2]) : null, ...Object.fromEntries(f) },
        splitMs: { smp1: one, smp2: two }, speedup,
      },
    };
  },
};
