// Part 1 of `npm run bench`: the generated code. Each benchmark is built by
// tskc (linux target), by gcc -O2 -static (with libm) from its C version, and
// transpiled for Node; every run's output is verified.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { writeNodeScript } from '../compiler/programs.js';
import { BENCHMARKS, PENDING, programsDir, type Benchmark } from './suite.js';
import { countInstructions, findCounter, geomean, timeRuns, type Timed } from './measure.js';
import { table, type BenchOptions, type Part, type PartResult } from './parts.js';
import { Progress } from './progress.js';

type Impl = 'tskc' | 'gcc' | 'node';

interface Measured extends Timed {
  instructions?: number;
}

interface Row {
  name: string;
  what: string;
  integer: boolean;
  library?: true;
  tskc: Measured;
  gcc?: Measured;
  node: Measured;
  tskcOverGcc?: number;
  tskcOverNode: number;
}

function hasGcc(): boolean {
  return spawnSync('gcc', ['--version']).status === 0;
}

/** Builds the three versions of `b`; returns the command line of each. */
function build(b: Benchmark, outDir: string, gcc: boolean): Partial<Record<Impl, string[]>> {
  const ts = join(programsDir, `${b.name}.ts`);
  const exe = join(outDir, `${b.name}.tskc`);
  compile({ entries: [ts], target: 'linux', emit: 'exe', output: exe, debug: false });
  const out: Partial<Record<Impl, string[]>> = { tskc: [exe] };
  out.node = [process.execPath, b.library || b.nodeScript ? join(programsDir, `${b.name}.mjs`) : writeNodeScript(ts, join(outDir, `${b.name}.mjs`))];
  if (gcc) {
    const cexe = join(outDir, `${b.name}.gcc`);
    const r = spawnSync('gcc', ['-O2', '-static', '-o', cexe, join(programsDir, `${b.name}.c`), '-lm'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gcc ${b.name}.c failed:\n${r.stderr}`);
    out.gcc = [cexe];
  }
  return out;
}

const ms = (m?: Measured): string => (m ? m.ms.toFixed(0) : '-');
const ratio = (x?: number): string => (x === undefined ? '-' : x.toFixed(2));
/** tskc's instructions over gcc's, when both were counted. */
const instrRatio = (r: Row): number | undefined =>
  r.tskc.instructions !== undefined && r.gcc?.instructions !== undefined ? r.tskc.instructions / r.gcc.instructions : undefined;
const minstr = (m?: Measured): string => (m?.instructions === undefined ? '-' : (m.instructions / 1e6).toFixed(0));

function runCode(o: BenchOptions): PartResult {
  const gcc = hasGcc();
  if (!gcc) o.log('gcc not found: the C column is skipped');
  const counter = o.instructions ? findCounter() : undefined;
  if (o.instructions && !counter) o.log('neither perf nor valgrind works here: no instruction counts');
  const chosen = BENCHMARKS.filter((b) => o.only.length === 0 || o.only.includes(b.name));
  const rows: Row[] = [];
  const progress = new Progress(chosen.length, o.log);
  for (const b of chosen) {
    progress.next(b.name);
    o.log(`${b.name}: build`);
    const cmds = build(b, o.outDir, gcc);
    const m: Partial<Record<Impl, Measured>> = {};
    for (const impl of ['tskc', 'gcc', 'node'] as Impl[]) {
      const argv = cmds[impl];
      if (!argv) continue;
      o.log(`${b.name}: ${impl} x${o.runs}`);
      const t: Measured = timeRuns(argv, o.runs, b.expected);
      if (counter && impl !== 'node') t.instructions = countInstructions(counter, argv[0], b.expected);
      m[impl] = t;
    }
    rows.push({
      name: b.name, what: b.what, integer: b.integer, library: b.library, tskc: m.tskc!, gcc: m.gcc, node: m.node!,
      tskcOverGcc: m.gcc ? m.tskc!.ms / m.gcc.ms : undefined,
      tskcOverNode: m.tskc!.ms / m.node!.ms,
    });
  }
  const language = (r: Row): boolean => r.integer && !r.library;
  const intRatios = rows.filter((r) => language(r) && r.tskcOverGcc !== undefined).map((r) => r.tskcOverGcc!);
  const gm = geomean(intRatios);
  const header = ['benchmark', 'tskc ms', 'gcc ms', 'node ms', 'tskc/gcc', 'tskc/node'];
  if (counter) header.push('tskc Minstr', 'gcc Minstr', 'instr ratio');
  const lines = table(header, rows.map((r) => {
    const cells = [r.name + (r.library ? ' (lib)' : r.integer ? '' : ' (f)'), ms(r.tskc), ms(r.gcc), ms(r.node), ratio(r.tskcOverGcc), ratio(r.tskcOverNode)];
    if (counter) cells.push(minstr(r.tskc), minstr(r.gcc), ratio(instrRatio(r)));
    return cells;
  }));
  lines.push('');
  if (intRatios.length > 0) lines.push(`geometric mean tskc/gcc over ${intRatios.length} integer benchmarks: ${gm.toFixed(2)} (target <= 1.15, none above 1.4)`);
  const slower = rows.filter((r) => r.tskcOverNode >= 1).map((r) => r.name);
  lines.push(`faster than node on ${rows.length - slower.length}/${rows.length}${slower.length ? ` (not: ${slower.join(', ')})` : ''}`);
  const intInstr = rows.filter((r) => language(r) && instrRatio(r) !== undefined).map((r) => instrRatio(r)!);
  if (intInstr.length > 0) lines.push(`geometric mean of tskc/gcc instructions over ${intInstr.length} integer benchmarks: ${geomean(intInstr).toFixed(2)}`);
  if (counter) lines.push(`instructions counted with ${counter === 'perf' ? 'perf stat' : 'valgrind --tool=callgrind'}`);
  if (PENDING.length > 0) lines.push(`pending: ${PENDING.map(([n, why]) => `${n} (${why})`).join('; ')}`);
  return {
    lines,
    json: {
      runs: o.runs, gcc, counter: counter ?? null, benchmarks: rows, geomeanTskcOverGcc: intRatios.length ? gm : null,
      geomeanInstrTskcOverGcc: intInstr.length ? geomean(intInstr) : null, pending: PENDING,
    },
  };
}

export const codePart: Part = { key: 'code', title: 'generated code (median wall time)', run: runCode };

/** Names --only accepts for this part. */
export const codeNames = (): string[] => BENCHMARKS.map((b) => b.name);
