// Mistyped programs: each mixes machine types in one way (assignment, call
// argument, return, field, array element, comparison, arithmetic, pointers,
// arrays) and must be reported as one readable line at tsc's position, naming
// both types and the fix, never the brands' `__int`/`__pointee`
// (compiler/diag/brands.ts); so must a bool given for an integer and the
// reverse. Other TypeScript errors keep tsc's wording.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOnly } from '../../compiler/driver/check.js';
import { CompileError, formatDiagnostic } from '../../compiler/diag/diagnostic.js';
import { scratch } from './programs.js';

const dir = scratch();

/** The diagnostics of a program (one function body), as the CLI prints them without colour. */
function diagnostics(name: string, body: string): string[] {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, `class P { f: u8 = 0; }\nfunction takes(x: u8): void {}\nexport function main(a: i32, c: u64, d: u8): u8 {\n${body}\n  return d;\n}\n`);
  try {
    checkOnly([file], 'linux');
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.diagnostics.map((x) => formatDiagnostic(x, { pretty: false, cwd: dir }));
  }
  return [];
}

const I32_U8 = 'error TSK1008: cannot use an i32 where a u8 is expected; convert with u8(x) (docs/language.md §3.3)';

// [what, body (line 4 on), the one diagnostic expected]
const table: [string, string, string][] = [
  ['assignment', '  let b: u8 = a;', `assignment.ts(4,7): ${I32_U8}`],
  ['argument', '  takes(a);', `argument.ts(4,9): ${I32_U8}`],
  ['return', '  if (a > 0) return a;', `return.ts(4,14): ${I32_U8}`],
  ['field', '  const p = new P();\n  p.f = a;', `field.ts(5,3): ${I32_U8}`],
  ['element', '  const xs: u8[] = [1];\n  xs[0] = a;', `element.ts(5,3): ${I32_U8}`],
  ['array-literal', '  const xs: u8[] = [a];', `array-literal.ts(4,21): ${I32_U8}`],
  ['widening', '  let w: i64 = d;',
    'widening.ts(4,7): error TSK1008: cannot use a u8 where an i64 is expected; convert with i64(x) (docs/language.md §3.3)'],
  ['comparison', '  if (a == c) {}',
    "comparison.ts(4,12): error TSK1003: '==' expects i32 but this is u64; convert explicitly, e.g. i32(…) (docs/language.md §3.2)"],
  ['arithmetic', '  const e: u8 = d + a;',
    "arithmetic.ts(4,21): error TSK1003: '+' expects u8 but this is i32; convert explicitly, e.g. u8(…) (docs/language.md §3.2)"],
  ['pointer', '  const q: Ptr<u8> = a;',
    'pointer.ts(4,9): error TSK1008: cannot use an i32 where a Ptr<u8> is expected; only a usize converts to a pointer: write usize(x) (docs/language.md §6.7)'],
  ['pointee', '  const q: Ptr<u8> = 0xb8000;\n  const r: Ptr<u16> = q;',
    'pointee.ts(5,9): error TSK1008: cannot use a Ptr<u8> where a Ptr<u16> is expected; convert with changetype<Ptr<u16>>(p) (docs/language.md §6.7)'],
  ['array-type', '  const xs: i32[] = [1];\n  const ys: u8[] = xs;',
    'array-type.ts(5,9): error TSK1008: cannot use an i32[] where a u8[] is expected: it has an i32 where a u8 is expected; ' +
    'machine types must match exactly, so declare both with the same one (docs/language.md §3.3)'],
];

describe('machine-type mismatches read as one line', () => {
  for (const [name, body, expected] of table) {
    it(name, () => {
      const got = diagnostics(name, body);
      expect(got).toEqual([expected]);
      expect(got.join('\n')).not.toMatch(/__int|__pointee/);
    });
  }

  it('words a bool where an integer is expected, and the reverse, the same way', () => {
    expect(diagnostics('to-bool', '  const b: bool = a;')).toEqual([
      'to-bool.ts(4,9): error TSK1008: cannot use an i32 where a bool is expected; compare it, e.g. x != 0 (docs/language.md §3.3)',
    ]);
    expect(diagnostics('from-bool', '  const t: bool = true;\n  takes(t);')).toEqual([
      'from-bool.ts(5,9): error TSK1008: cannot use a bool where a u8 is expected; convert with u8(b), which gives 0 or 1 (docs/language.md §3.3)',
    ]);
  });

  it('leaves other TypeScript errors as tsc words them', () => {
    expect(diagnostics('string', "  const s: u32 = 'one';")).toEqual([
      "string.ts(4,9): error TS2322: Type 'string' is not assignable to type 'u32'.\n  Type 'string' is not assignable to type 'number'.",
    ]);
  });
});
