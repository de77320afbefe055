// `tskc explain`: every code of compiler/diag/codes.ts has an entry in
// docs/language.md §10.1 (the source explain reads), with a wrong and a
// right example; each wrong example really gets its code and each right one
// compiles clean, so the explanations cannot drift from the compiler.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { DIAG_CODES } from '../../compiler/diag/codes.js';
import { compile } from '../../compiler/driver/pipeline.js';
import { CompileError } from '../../compiler/diag/diagnostic.js';
import { formatExplanation, loadExplanations } from '../../compiler/diag/explain.js';
import type { Example } from '../../compiler/diag/explain.js';
import { scratch } from '../compiler/programs.js';

const root = join(import.meta.dirname, '..', '..');
const explanations = loadExplanations(root);
const codes = Object.keys(DIAG_CODES);
/** Codes whose wrong example cannot be a small program: a 450-deep expression, a command line. */
const SKETCHED = ['TSK1044', 'TSK1100'];
const dir = scratch();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The codes compiling an example reports (none when it compiles). */
function codesOf(code: string, x: Example, n: number): string[] {
  const file = join(dir, `${code}-${x.kind}-${n}.ts`);
  writeFileSync(file, x.code + '\n');
  try {
    compile({ entries: [file], target: x.args.includes('kernel') ? 'kernel' : 'linux', emit: 'asm', output: `${file}.asm`, debug: false });
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.diagnostics.map((d) => d.code);
  }
  return [];
}

describe('tskc explain', () => {
  it('has an entry for exactly the codes of compiler/diag/codes.ts', () => {
    expect([...explanations.keys()].sort()).toEqual([...codes].sort());
  });

  for (const code of codes) {
    it(`${code}: the rule, a wrong example that gets ${code}, a right one that compiles`, async () => {
      await yieldToEventLoop();
      const e = explanations.get(code)!;
      expect(e.rule, 'the §10 table row').not.toBe('');
      expect(e.text.length).toBeGreaterThan(40);
      const wrong = e.examples.filter((x) => x.kind === 'wrong');
      const right = e.examples.filter((x) => x.kind === 'right');
      expect(wrong.length).toBe(1);
      expect(right.length).toBeGreaterThanOrEqual(1);
      e.examples.forEach((x, n) => {
        if (x.args.includes('sketch')) {
          expect(SKETCHED, `${code}'s ${x.kind} example is a sketch`).toContain(code);
          return;
        }
        const got = codesOf(code, x, n);
        if (x.kind === 'wrong') expect(got).toContain(code);
        else expect(got).toEqual([]);
      });
    });
  }

  it('prints an entry on the command line, and names the codes for one it does not know', async () => {
    const tskc = (arg: string) => execa(process.execPath, [join(root, 'compiler', 'bin', 'tskc.js'), 'explain', arg], { reject: false });
    const r = await tskc('tsk1003');
    expect(r.exitCode).toBe(0);
    expect(r.stdout + '\n').toBe(formatExplanation(explanations.get('TSK1003')!));
    expect(r.stdout).toMatch(/^TSK1003: operands of different integer types \(§3\.2\)$/m);
    expect(r.stdout).toMatch(/^Wrong, rejected with TSK1003:\n\n {4}let a: i32 = 1;$/m);
    const bad = await tskc('TS2322');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^tskc: explain: no code 'TS2322'; TS2322 is TypeScript's own error.*TSK1001, TSK1002/);
  });
});
