// The stress check of the test suite itself (issue #14): runs the test files
// that drive QEMU N times in a row while every core is kept busy by a CPU
// hog, and reports each failure with the log that holds its serial output.
// A QEMU test must pass on a busy host: its inputs are paced on the guest's
// echo and its time limits catch hangs only (test/harness/timing.ts).
//
//   npm run test:stress                      5 runs of every QEMU test file
//   npm run test:stress -- -n 10             10 runs
//   npm run test:stress -- test/kernel       only the files under test/kernel
//   npm run test:stress -- --hogs 0          no hogs (one per core by default)
//
// Each run's whole vitest output goes to build/stress/run-K.log (a failing
// QEMU test prints the serial output and its symbolized addresses there).
// Bounded: each run is killed after --run-minutes (default 30); the hogs end
// with this process. Exits 1 when any run failed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { qemuTestFiles } from './files.js';

const root = path.resolve(import.meta.dirname, '..', '..');

interface Options { runs: number; hogs: number; runMinutes: number; filters: string[] }

function usage(msg: string): never {
  console.error(`test:stress: ${msg}`);
  console.error('usage: npm run test:stress -- [-n RUNS] [--hogs N] [--run-minutes M] [PATH...]');
  process.exit(2);
}

function parse(argv: string[]): Options {
  const o: Options = { runs: 5, hogs: os.availableParallelism(), runMinutes: 30, filters: [] };
  const num = (i: number): number => {
    const v = Number(argv[i]);
    if (!Number.isInteger(v) || v < 0) usage(`${argv[i - 1]} needs a non-negative integer`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '-n' || a === '--runs') o.runs = Math.max(1, num(++i));
    else if (a === '--hogs') o.hogs = num(++i);
    else if (a === '--run-minutes') o.runMinutes = Math.max(1, num(++i));
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else o.filters.push(a);
  }
  return o;
}

/** One busy-looping process per hog, ended with this process. */
function startHogs(n: number): ChildProcess[] {
  const hogs = Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const stop = (): void => hogs.forEach((h) => h.kill('SIGKILL'));
  process.on('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => process.exit(130));
  return hogs;
}

interface RunResult { ok: boolean; failed: string[]; summary: string; seconds: number; log: string }

function withoutColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...rest } = env;
  return rest;
}

/** Runs vitest over `files` once; its output goes to `log`. */
function runOnce(files: string[], log: string, limitMs: number): Promise<RunResult> {
  const t0 = Date.now();
  const out = fs.openSync(log, 'w');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files], {
    cwd: root, stdio: ['ignore', out, out], env: { ...withoutColor(process.env), NO_COLOR: '1' },
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), limitMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      fs.closeSync(out);
      const text = fs.readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
      const failed = [...new Set([...text.matchAll(/^ *(?:FAIL|×) (.+?)(?: \d+ms)?$/gm)].map((m) => m[1]!.trim()))];
      const summary = [...text.matchAll(/^ *(Test Files|Tests) .*$/gm)].map((m) => m[0].trim()).join('; ');
      resolve({ ok: code === 0, failed, summary: summary || `vitest ended with ${code ?? 'a signal'}`, seconds: (Date.now() - t0) / 1000, log });
    });
  });
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  const files = qemuTestFiles(root, o.filters);
  if (files.length === 0) usage(`no QEMU test file matches ${o.filters.join(' ')}`);
  const dir = path.join(root, 'build', 'stress');
  fs.mkdirSync(dir, { recursive: true });
  console.log(`test:stress: ${o.runs} runs of ${files.length} QEMU test files with ${o.hogs} CPU hogs on ${os.availableParallelism()} cores`);
  for (const f of files) console.log(`  ${f}`);
  startHogs(o.hogs);
  const results: RunResult[] = [];
  for (let k = 1; k <= o.runs; k++) {
    const r = await runOnce(files, path.join(dir, `run-${k}.log`), o.runMinutes * 60_000);
    results.push(r);
    console.log(`run ${k}/${o.runs}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s (${r.summary})`);
    for (const name of r.failed) console.log(`  failed: ${name}`);
    if (!r.ok) console.log(`  log with the serial output: ${path.relative(root, r.log)}`);
  }
  const bad = results.filter((r) => !r.ok).length;
  console.log(`test:stress: ${o.runs - bad} of ${o.runs} runs passed`);
  return bad === 0 ? 0 : 1;
}

process.exitCode = await main();
process.exit();
