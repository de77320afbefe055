// Checks on the emitted assembly, in the style of Go's test/codegen: each
// program in this folder (every .ts file but this one) is compiled with
// `--emit asm` and its comments say what the code of a function must and
// must not contain. The format (docs/architecture.md, "Tests"):
//
//   // target: kernel           the target, anywhere in the file (default linux)
//   // asm: rep movsb            a line of the function's code matches this regex
//   // asm-not: \bcall\b         no line of the function's code matches it
//   function copy(…) { … }      the function the comments above it are about
//
//   // func: tskc.memcpy         the comments below are about this symbol
//   // asm: rep movsb            (a function of the runtime, or a qualified name)
//
// Code lines are the function's instructions between its label and `.end:`,
// without labels, trimmed, with runs of spaces made one.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { header, scratch } from '../compiler/programs.js';

interface Check { func: string; want: RegExp[]; avoid: RegExp[]; line: number }

/** The checks of a program: groups of asm/asm-not comments and the function each is about. */
function parseChecks(source: string): Check[] {
  const checks: Check[] = [];
  let cur: Check | null = null;
  source.split('\n').forEach((text, n) => {
    const m = /^\s*\/\/ (asm|asm-not|func): (.*)$/.exec(text);
    if (m) {
      if (!cur || m[1] === 'func') cur = { func: '', want: [], avoid: [], line: n + 1 };
      if (m[1] === 'func') cur.func = m[2].trim();
      else (m[1] === 'asm' ? cur.want : cur.avoid).push(new RegExp(m[2].trim()));
      if (!checks.includes(cur)) checks.push(cur);
      return;
    }
    const fn = /^\s*(?:export\s+)?function\s+([A-Za-z_$][\w$]*)/.exec(text);
    if (cur && !cur.func && fn) cur.func = fn[1];
    if (cur && cur.func) cur = null;
  });
  return checks;
}

/** The code lines of function `name` in NASM text from tskc. */
function functionCode(asm: string, name: string): string[] | undefined {
  const lines = asm.split('\n');
  const start = lines.indexOf(`$${name}:`);
  if (start < 0) return undefined;
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l === '.end:') break;
    const t = l.trim().replace(/\s+/g, ' ');
    if (t && !t.endsWith(':') && !t.startsWith('%line')) out.push(t);
  }
  return out;
}

const dir = import.meta.dirname;
const programs = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('codegen checks', () => {
  it('has programs with checks', () => expect(programs.length).toBeGreaterThanOrEqual(1));

  for (const f of programs) {
    it(f, async () => {
      await yieldToEventLoop();
      const file = join(dir, f);
      const source = readFileSync(file, 'utf8');
      const checks = parseChecks(source);
      expect(checks.length, 'the program has no // asm: or // asm-not: comments').toBeGreaterThan(0);
      const out = join(scratch(), 'out.asm');
      const target = header(source, 'target') === 'kernel' ? 'kernel' : header(source, 'target') === 'user' ? 'user' : 'linux';
      compile({ entries: [file], target, emit: 'asm', output: out, debug: false, verifyIr: true });
      const asm = readFileSync(out, 'utf8');
      for (const c of checks) {
        const code = functionCode(asm, c.func);
        expect(code, `${f}:${c.line}: no function $${c.func} in the output`).toBeDefined();
        const text = code!.join('\n');
        for (const re of c.want) expect(code!.some((l) => re.test(l)), `${f}:${c.line}: $${c.func} has no line matching /${re.source}/ in:\n${text}\n`).toBe(true);
        for (const re of c.avoid) expect(code!.filter((l) => re.test(l)), `${f}:${c.line}: $${c.func} has lines matching /${re.source}/`).toEqual([]);
      }
    });
  }
});
