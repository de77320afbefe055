// `npm run bench`: the benchmarks of issue #8, not part of `npm test`.
//
//   npm run bench                         every part, 5 runs each
//   npm run bench -- --runs 9             more runs per median
//   npm run bench -- --only fannkuch,hash only these (benchmark names, or
//                                         compile-time / kernel-paths /
//                                         storage-paths / http / smp)
//   npm run bench -- --instructions       also count instructions (perf
//                                         stat, else callgrind: slow)
//
// Prints one table per part and writes build/bench.json and
// build/bench.html (bar charts, html.ts); each benchmark reports its start
// with an estimate of the time left (progress.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { codeNames, codePart } from './code.js';
import { compilePart } from './compile-part.js';
import { kernelPathsPart } from './kernel-paths.js';
import { storagePathsPart } from './storage-paths.js';
import { httpPathsPart } from './http-paths.js';
import { smpPart } from './smp.js';
import type { BenchOptions, Part } from './parts.js';
import { benchHtml, type BenchReport } from './html.js';

const PARTS: [Part, string][] = [
  [codePart, ''],
  [compilePart, 'compile-time'],
  [kernelPathsPart, 'kernel-paths'],
  [storagePathsPart, 'storage-paths'],
  [httpPathsPart, 'http'],
  [smpPart, 'smp'],
];

function usage(msg?: string): never {
  if (msg) console.error(`bench: ${msg}`);
  console.error('usage: npm run bench -- [--runs N] [--only NAME[,NAME...]] [--instructions]');
  console.error(`names: ${[...codeNames(), 'compile-time', 'kernel-paths', 'storage-paths', 'http', 'smp'].join(', ')}`);
  process.exit(2);
}

function parseArgs(argv: string[], root: string): BenchOptions {
  const o: BenchOptions = {
    root, outDir: join(root, 'build', 'bench'), runs: 5, only: [], instructions: false,
    log: (l) => void process.stderr.write(`bench: ${l}\n`),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    else if (a === '--runs') {
      o.runs = Number(argv[++i]);
      if (!Number.isInteger(o.runs) || o.runs < 1) usage('--runs needs a positive integer');
    } else if (a === '--only') {
      o.only.push(...(argv[++i] ?? usage('--only needs a name')).split(','));
    } else if (a === '--instructions') o.instructions = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument '${a}'`);
  }
  const known = new Set([...codeNames(), 'compile-time', 'kernel-paths', 'storage-paths', 'http', 'smp']);
  for (const n of o.only) if (!known.has(n)) usage(`unknown benchmark '${n}'`);
  return o;
}

/** Whether --only selects (part of) this part. */
function selected(o: BenchOptions, part: Part, name: string): boolean {
  if (o.only.length === 0) return true;
  return part === codePart ? o.only.some((n) => codeNames().includes(n)) : o.only.includes(name);
}

function machine(): Record<string, string> {
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: String(os.cpus().length), node: process.version,
    gcc: gcc.status === 0 ? gcc.stdout.split('\n')[0] : 'missing', load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

async function main(argv: string[]): Promise<number> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const o = parseArgs(argv, root);
  mkdirSync(o.outDir, { recursive: true });
  const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machine() };
  const file = join(root, 'build', 'bench.json');
  const html = join(root, 'build', 'bench.html');
  // Each part's table is printed, and the report written, as soon as the part ends.
  for (const [part, name] of PARTS) {
    if (!selected(o, part, name)) continue;
    const r = await part.run(o);
    report[part.key] = r.json;
    console.log([`== ${part.title}`, ...r.lines, ''].join('\n'));
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    writeFileSync(html, benchHtml(report as unknown as BenchReport));
  }
  const m = machine();
  console.log(`machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, ${m.gcc}; load average ${m.load}`);
  console.log(`written: ${file}, ${html} (bar charts)`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
