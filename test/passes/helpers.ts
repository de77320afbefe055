// Helpers for the IR pass tests: IR text in, one pass, printed IR out, and
// the verifier's verdict on the result.
import { expect } from 'vitest';
import { parseModule } from '../../compiler/ir/parse.js';
import { printFunc } from '../../compiler/ir/print.js';
import { verifyFunc } from '../../compiler/ir/verify.js';
import type { Func } from '../../compiler/ir/ir.js';

/** The one function of an IR text (no `init` line needed). */
export function func(text: string): Func {
  const m = parseModule(text);
  expect(m.funcs).toHaveLength(1);
  expect(verifyFunc(m.funcs[0])).toEqual([]);
  return m.funcs[0];
}

/** Runs the passes on the function of `text` in order; the result must verify. Returns its text. */
export function run(text: string, ...passes: ((f: Func) => void)[]): string {
  const f = func(text);
  for (const p of passes) p(f);
  expect(verifyFunc(f), printFunc(f)).toEqual([]);
  return printFunc(f);
}

/** The instruction, phi and terminator lines of printed IR, trimmed (no header, labels or braces). */
export function body(printed: string): string[] {
  return printed
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('@') && !l.startsWith('function') && !l.startsWith('export function') && l !== '}');
}
