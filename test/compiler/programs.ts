// Shared helpers for compiler tests: compile a tskc program for the linux
// target, run it, and run the same source under Node for comparison.
import ts from 'typescript';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import type { TargetName } from '../../compiler/target/target.js';

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
// Templates: every template literal goes through __tpl (see tagTemplates), which
// returns the same string and remembers its pieces, so Template.* can walk them;
// any other string is one piece. JS numbers cannot tell i32 from u32 or 3 from
// 3.0: integers are Int pieces, others Float.
const TemplatePiece = { Str: 0, Int: 1, Uint: 2, Bool: 3, Float: 4 };
const __tplPieces = new Map();
const __tpl = (texts, ...vals) => {
  const pieces = [];
  let s = texts[0];
  if (texts[0]) pieces.push([0, texts[0]]);
  vals.forEach((v, i) => {
    const kind = typeof v === 'string' ? 0 : typeof v === 'boolean' ? 3 : Number.isInteger(Number(v)) ? 1 : 4;
    pieces.push([kind, v]);
    s += String(v) + texts[i + 1];
    if (texts[i + 1]) pieces.push([0, texts[i + 1]]);
  });
  __tplPieces.set(s, pieces);
  return s;
};
const __pieces = (t) => __tplPieces.get(t) ?? [[0, t]];
const __piece = (t, i) => __pieces(t)[i][1];
const Template = { count: (t) => __pieces(t).length, kind: (t, i) => __pieces(t)[i][0], str: __piece, int: __piece, uint: __piece, bool: __piece, float: __piece };
`;

/** Rewrites each template literal `…${x}…` into __tpl`…${x}…` for the prelude. */
const tagTemplates: ts.TransformerFactory<ts.SourceFile> = (ctx) => (sf) => {
  const visit = (n: ts.Node): ts.Node => {
    const inner = ts.visitEachChild(n, visit, ctx);
    return ts.isTemplateExpression(inner) ? ctx.factory.createTaggedTemplateExpression(ctx.factory.createIdentifier('__tpl'), undefined, inner) : inner;
  };
  return ts.visitEachChild(sf, visit, ctx);
};

/** Writes `file` as a Node module (types stripped, tskc's functions defined) to `out`. */
export function writeNodeScript(file: string, out: string = join(scratch(), 'prog.mjs')): string {
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    transformers: { before: [tagTemplates] },
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
