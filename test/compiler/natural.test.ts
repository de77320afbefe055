// ExprTyper.natural is asked of every operand by every operator above it;
// it must be remembered per node, or long chains take quadratic time.
import { describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { ExprTyper } from '../../compiler/sema/expr.js';
import { scratch } from './programs.js';

function naturalsComputed(terms: number): number {
  const dir = scratch();
  const file = join(dir, 'chain.ts');
  const chain = Array.from({ length: terms }, (_, i) => `(v${i % 4} * 2)`).join(' + ');
  // A chain at top level (typed while declarations are collected) and in a function.
  writeFileSync(file, `let v0: i64 = 1;\nlet v1: i64 = 2;\nlet v2: i64 = 3;\nlet v3: i64 = 4;\nconst top = ${chain};\n` +
    `function f(): i64 {\n  return ${chain};\n}\nconsole.log(top, f());\n`);
  const spy = vi.spyOn(ExprTyper.prototype as unknown as { computeNatural: () => unknown }, 'computeNatural');
  try {
    compile({ entries: [file], target: 'linux', emit: 'ir', output: join(dir, 'chain.ir'), debug: false });
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('natural types', () => {
  it('are computed a bounded number of times per node', () => {
    const small = naturalsComputed(100);
    const large = naturalsComputed(300);
    // Linear: three times the nodes, about three times the work (quadratic would be nine).
    expect(large).toBeLessThan(small * 4);
  });
});
