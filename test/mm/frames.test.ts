// The frame allocator (kernel/mm/frames.ts) compiled for the host over an
// mmap'd arena: seeded random sequences against a model, and exhaustion.
import { describe, expect, it } from 'vitest';
import { buildHostProgram } from './run.js';

describe('frame allocator (host)', () => {
  const run = buildHostProgram('frames-host');

  it.each([1, 2, 3, 4, 5])('survives 20000 random operations against the model (seed %i)', (seed) => {
    const r = run(`20000 ${seed}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^frames ok 20000 total \d+ drained \d+\n$/);
  });
});
