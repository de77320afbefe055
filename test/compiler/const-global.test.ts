// Loads of a module-level const are invariant (compiler/lower/expr.ts): it
// is written once, by its initializer, before any read (TypeScript's
// temporal dead zone), so redundancy elimination keeps one value across the
// element stores of a loop, while a `let` global is reloaded after whatever
// may assign it (an element store cannot: ir/alias.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/driver/pipeline.js';
import { scratch } from './programs.js';

const src = join(import.meta.dirname, 'fixtures', 'const-global.ts');

function output(emit: 'ir' | 'asm'): string {
  const out = join(scratch(), `const-global.${emit}`);
  compile({ entries: [src], target: 'linux', emit, output: out, debug: false, verifyIr: true });
  return readFileSync(out, 'utf8');
}

/** The lines of function `name` in `text` (IR: `function … $name(` to `}`; asm: `$name:` to `.end:`). */
function body(text: string, start: RegExp, end: RegExp): string[] {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => start.test(l));
  const j = lines.findIndex((l, k) => k > i && end.test(l));
  return lines.slice(i, j);
}

describe('module-level const globals', () => {
  it('are read with invariant loads; let globals are not', () => {
    const ir = output('ir');
    expect(ir).toMatch(/invariant (alias:\S+ )?loadl \$flags/);
    expect(ir).not.toMatch(/invariant (alias:\S+ )?loadl \$other/);
  });

  it('are loaded once in a loop of element stores', () => {
    const asm = output('asm');
    const sieve = body(asm, /^\$sieveStep:/, /^\.end:/);
    expect(sieve.filter((l) => l.includes('[rel $flags]'))).toHaveLength(1);
    const touch = body(asm, /^\$touch:/, /^\.end:/);
    expect(touch.filter((l) => l.includes('[rel $other]'))).toHaveLength(1);
    const across = body(asm, /^\$touchAcross:/, /^\.end:/);
    expect(across.filter((l) => /^\s*mov \w+, qword \[rel \$other\]/.test(l))).toHaveLength(2);
  });
});
