// Part 2 of `npm run bench`: tskc building the kernel and every userland
// program (the shell and userland/programs/*) against `tsc --noEmit`
// type-checking the kernel and userland projects, with tskc's per-stage
// timings (`tskc build --timings`). Each tool runs as its own process, as
// a user would run it, so both pay Node's start-up: tskc builds the kernel
// in one, and the user programs in one (`build --each`, as the image step
// does), as tsc checks the two projects in two.
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { userProgramSources } from '../../compiler/image/userland.js';
import { median } from './measure.js';

export interface CompileTime {
  /** median ms of the tskc builds: the kernel, and the userland programs with --each (one process each) */
  tskcMs: number;
  /** median ms of `tsc --noEmit -p kernel` + `-p userland` (one process each) */
  tscMs: number;
  ratio: number;
  /** median ms per stage, summed over the projects */
  stages: [string, number][];
  projects: string[];
}

interface Project {
  name: string;
  entries: string[];
  target: string;
  emit: string;
}

/** The kernel, then the userland programs (the shell and userland/programs/*.ts) as one --each build. */
function projects(root: string): Project[] {
  const user = userProgramSources(root).map((p) => relative(root, p.source));
  return [
    { name: 'kernel', entries: ['kernel/main.ts'], target: 'kernel', emit: 'obj' },
    { name: 'user', entries: user, target: 'user', emit: 'exe' },
  ];
}

/** The tsconfig projects tsc checks: the same files. */
const TSC_PROJECTS = ['kernel', 'userland'];


function timed(argv: string[], cwd: string): { ms: number; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return { ms, stderr: r.stderr };
}

/** Parses the rows of `tskc build --timings` ("  stage   12.3 ms"), total excluded. */
export function parseTimings(stderr: string): [string, number][] {
  const rows: [string, number][] = [];
  for (const m of stderr.matchAll(/^ {2}(\S[^\n]*?)\s+([\d.]+) ms$/gm)) if (m[1] !== 'total') rows.push([m[1], Number(m[2])]);
  return rows;
}

export function measureCompileTime(root: string, outDir: string, runs: number): CompileTime {
  const tskc = (p: Project): string[] => [
    process.execPath, join(root, 'compiler/bin/tskc.js'), 'build', '--target', p.target, '--emit', p.emit, '--timings',
    ...(p.entries.length === 1 ? ['-o', join(outDir, `${p.name}.${p.emit}`)] : ['--each', '--out-dir', join(outDir, p.name)]),
    ...p.entries,
  ];
  const tsc = (project: string): string[] => [process.execPath, join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project];
  const PROJECTS = projects(root);
  for (const p of PROJECTS) timed(tskc(p), root); // warm-up: rebuilds dist/ if stale, fills the page cache
  const tskcTimes: number[] = [];
  const tscTimes: number[] = [];
  const stageTimes = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    let total = 0;
    const perStage = new Map<string, number>();
    for (const p of PROJECTS) {
      const r = timed(tskc(p), root);
      total += r.ms;
      for (const [s, ms] of parseTimings(r.stderr)) perStage.set(s, (perStage.get(s) ?? 0) + ms);
    }
    tskcTimes.push(total);
    for (const [s, ms] of perStage) stageTimes.set(s, [...(stageTimes.get(s) ?? []), ms]);
    tscTimes.push(TSC_PROJECTS.reduce((sum, p) => sum + timed(tsc(p), root).ms, 0));
  }
  const tskcMs = median(tskcTimes);
  const tscMs = median(tscTimes);
  return {
    tskcMs, tscMs, ratio: tskcMs / tscMs,
    stages: [...stageTimes].map(([s, xs]) => [s, median(xs)]),
    projects: PROJECTS.flatMap((p) => p.entries),
  };
}
