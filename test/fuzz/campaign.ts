// Runs generated programs through tskc and Node and compares their output.
// Programs are batched: many independent generated programs share one source
// file, so one compilation (one ts.Program, the dominant cost) checks many
// programs. Each program prints a `#pN` marker first, so the outputs are
// split and compared per program. A batch that fails to compile is bisected
// program by program to find the culprits. Failing programs are written out
// on their own, with their seed and both outputs, to `outDir`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import { CompileError, formatDiagnostic } from '../../compiler/diag/diagnostic.js';
import { runUnderNode } from '../compiler/programs.js';
import { generateProgram, programSeed } from './generator.js';

export interface CampaignOptions {
  seed: number;
  count: number;
  /** Programs per compilation. */
  batch?: number;
  /** Where failing programs are written (created on demand). */
  outDir?: string;
  /** Progress messages. */
  log?: (line: string) => void;
  /** Program seeds to run instead of seed/count (reproducing). */
  programSeeds?: number[];
}

export type FailureKind = 'mismatch' | 'crash' | 'rejected';

export interface Failure {
  kind: FailureKind;
  /** The generator seed of the program: `npm run fuzz -- --program <seed>` regenerates it. */
  programSeed: number;
  name: string;
  /** The program written out on its own. */
  file: string;
  detail: string;
}

export interface Summary {
  programs: number;
  compilations: number;
  mismatches: number;
  /** Compiler exceptions other than CompileError (and native runs that died). */
  crashes: number;
  /** Programs tskc rejected with diagnostics: generator bugs (or tskc rejecting valid code). */
  rejected: number;
  ms: number;
  failures: Failure[];
}

export const DEFAULT_OUT = resolve(import.meta.dirname, '..', '..', 'build', 'fuzz');

const MARKER = /^#(p\d+)$/;

/** Splits output into the sections after each `#pN` marker line. */
function sections(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  let cur: string | null = null;
  let acc: string[] = [];
  const flush = (): void => {
    if (cur !== null) out.set(cur, acc.join(''));
  };
  for (const line of stdout.split(/(?<=\n)/)) {
    const m = MARKER.exec(line.replace(/\n$/, ''));
    if (m) {
      flush();
      cur = m[1];
      acc = [];
    } else acc.push(line);
  }
  flush();
  return out;
}

interface Prog {
  name: string;
  seed: number;
  source: string;
}

function describeError(e: unknown): string {
  if (e instanceof CompileError) {
    return e.diagnostics.map((d) => formatDiagnostic(d, { pretty: false, cwd: process.cwd() })).join('\n');
  }
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

type Outcome =
  | { ok: true; stdout: string; status: number | null; signal: string | null }
  | { ok: false; kind: 'crash' | 'rejected'; detail: string };

function compileAndRunNative(file: string): Outcome {
  const exe = `${file.replace(/\.ts$/, '')}.exe`;
  try {
    compile({ entries: [file], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
  } catch (e) {
    return { ok: false, kind: e instanceof CompileError ? 'rejected' : 'crash', detail: describeError(e) };
  }
  const r = spawnSync(exe, [], { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20 });
  return { ok: true, stdout: r.stdout ?? '', status: r.status, signal: r.signal };
}

export function runCampaign(opts: CampaignOptions): Summary {
  const t0 = Date.now();
  const batch = opts.batch ?? 40;
  const outDir = opts.outDir ?? DEFAULT_OUT;
  const log = opts.log ?? (() => {});
  const scratch = mkdtempSync(join(tmpdir(), 'tskc-fuzz-'));
  const seeds = opts.programSeeds ?? Array.from({ length: opts.count }, (_, i) => programSeed(opts.seed, i));
  const sum: Summary = { programs: 0, compilations: 0, mismatches: 0, crashes: 0, rejected: 0, ms: 0, failures: [] };

  const writeOut = (p: Prog, kind: FailureKind, detail: string): string => {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `${kind}-${p.seed}.ts`);
    const comment = detail.split('\n').map((l) => `// ${l}`).join('\n');
    writeFileSync(file, `// tskc fuzz ${kind}: program seed ${p.seed} (npm run fuzz -- --program ${p.seed})\n${comment}\n${p.source}`);
    return file;
  };
  const fail = (p: Prog, kind: FailureKind, detail: string): void => {
    if (kind === 'mismatch') sum.mismatches++;
    else if (kind === 'crash') sum.crashes++;
    else sum.rejected++;
    const file = writeOut(p, kind, detail);
    sum.failures.push({ kind, programSeed: p.seed, name: p.name, file, detail });
    log(`  ${kind}: ${p.name} seed ${p.seed} -> ${file}`);
  };

  try {
    for (let start = 0; start < seeds.length; start += batch) {
      const progs: Prog[] = seeds.slice(start, start + batch).map((seed, k) => {
        const name = `p${start + k}`;
        return { name, seed, source: generateProgram(seed, name) };
      });
      const file = join(scratch, `batch${start}.ts`);
      writeFileSync(file, progs.map((p) => p.source).join('\n'));
      sum.compilations++;
      const native = compileAndRunNative(file);
      sum.programs += progs.length;
      if (!native.ok) {
        // Find the programs that fail on their own.
        let found = false;
        for (const p of progs) {
          const one = join(scratch, `${p.name}.ts`);
          writeFileSync(one, p.source);
          sum.compilations++;
          const r = compileAndRunNative(one);
          if (!r.ok) {
            found = true;
            fail(p, r.kind, r.detail);
          }
        }
        if (!found) {
          const whole: Prog = { name: `batch${start}`, seed: progs[0].seed, source: progs.map((p) => p.source).join('\n') };
          fail(whole, native.kind, `the batch fails but no program alone does:\n${native.detail}`);
        }
        continue;
      }
      const node = runUnderNode(file);
      const got = sections(native.stdout);
      const want = sections(node.stdout);
      for (const p of progs) {
        const g = got.get(p.name);
        const w = want.get(p.name);
        if (g === w) continue;
        const died = native.status !== 0 ? `\nnative exit status ${native.status} signal ${native.signal}` : '';
        const kind: FailureKind = g === undefined && native.status !== 0 ? 'crash' : 'mismatch';
        fail(p, kind, `expected (node):\n${w ?? '<no output>\n'}actual (tskc):\n${g ?? '<no output>\n'}${died}`);
      }
      if (native.status !== 0 || node.status !== 0) {
        const missing = progs.every((p) => got.get(p.name) === want.get(p.name));
        if (missing) {
          const whole: Prog = { name: `batch${start}`, seed: progs[0].seed, source: progs.map((p) => p.source).join('\n') };
          fail(whole, 'crash', `exit status native ${native.status} (${native.signal}), node ${node.status}`);
        }
      }
      log(`${sum.programs} programs, ${sum.mismatches} mismatches, ${sum.crashes} crashes, ${sum.rejected} rejected (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  sum.ms = Date.now() - t0;
  return sum;
}
