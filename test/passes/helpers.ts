// Helpers for the IR pass tests: IR text in, one pass, printed IR out, and
// the verifier's verdict on the result.
import { expect } from 'vitest';
import { parseModule } from '../../compiler/ir/parse.js';
import { printFunc } from '../../compiler/ir/print.js';
import { verifyFunc, verifyModule } from '../../compiler/ir/verify.js';
import type { Func, Module } from '../../compiler/ir/ir.js';

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

/** Runs a module pass on the module of `text`, valid before and after; returns each function's printed IR by name. */
export function runModule(text: string, pass: (m: Module) => void): Record<string, string> {
  const m = parseModule(text);
  expect(verifyModule(m)).toEqual([]);
  pass(m);
  expect(verifyModule(m), m.funcs.map(printFunc).join('\n')).toEqual([]);
  return Object.fromEntries(m.funcs.map((f) => [f.name, printFunc(f)]));
}
