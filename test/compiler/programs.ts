// Shared helpers for compiler tests: compile a tskc program for the linux
// target, run it, and run the same source under Node for comparison.
import ts from 'typescript';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import type { TargetName } from '../../compiler/driver/target.js';

export const scratch = (): string => mkdtempSync(join(tmpdir(), 'tskc-test-'));

export interface Ran {
  stdout: string;
  status: number | null;
}

/** Compiles `file` for linux (IR verified after every pass) and runs it. */
export function compileAndRun(file: string, target: TargetName = 'linux'): Ran {
  const exe = join(scratch(), 'prog');
  compile({ entries: [file], target, emit: 'exe', output: exe, debug: false, verifyIr: true });
  const r = spawnSync(exe, [], { encoding: 'utf8' });
  return { stdout: r.stdout, status: r.status };
}

/** Functions only tskc has, as Node sees them (machine types wrap like the real ones). */
const NODE_PRELUDE = `
const i8 = (x) => (Number(x) << 24) >> 24, u8 = (x) => Number(x) & 255;
const i16 = (x) => (Number(x) << 16) >> 16, u16 = (x) => Number(x) & 65535;
const i32 = (x) => Number(x) | 0, u32 = (x) => Number(x) >>> 0;
const i64 = (x) => Math.trunc(Number(x)), u64 = (x) => Math.trunc(Number(x)), isize = i64, usize = u64;
const free = (_obj) => {};
const unchecked = (x) => x;
const f64 = (x) => Number(x), f32 = (x) => Math.fround(Number(x));
class Int64Array extends BigInt64Array {}
class Uint64Array extends BigUint64Array {}
`;

/** Writes `file` as a Node module (types stripped, tskc's functions defined) to `out`. */
export function writeNodeScript(file: string, out: string = join(scratch(), 'prog.mjs')): string {
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  writeFileSync(out, NODE_PRELUDE + js);
  return out;
}

/** Runs the same source under Node (types stripped by TypeScript). */
export function runUnderNode(file: string): Ran {
  const r = spawnSync(process.execPath, [writeNodeScript(file)], { encoding: 'utf8' });
  return { stdout: r.stdout, status: r.status };
}

/** The `//= line` comments of a test program: its expected output. */
export function expectedOutput(source: string): string {
  const lines = source.split('\n').filter((l) => l.startsWith('//= ')).map((l) => l.slice(4));
  return lines.map((l) => l + '\n').join('');
}

/** A `// key: value` header comment of a test program. */
export function header(source: string, key: string): string | undefined {
  const m = new RegExp(`^// ${key}: (.*)$`, 'm').exec(source);
  return m?.[1].trim();
}
