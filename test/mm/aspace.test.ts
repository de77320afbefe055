// Address spaces (kernel/mm/aspace.ts) and 2 MiB pages (kernel/mm/paging.ts)
// compiled for the host over the frame allocator: seeded random rounds of
// creating spaces, mapping and unmapping user pages and destroying spaces,
// against a model; every frame must come back.
import { describe, expect, it } from 'vitest';
import { buildHostProgram } from './run.js';

describe('address spaces (host)', () => {
  const run = buildHostProgram('aspace-host');

  it.each([1, 2, 3])('agree with the model over 3000 random operations (seed %i)', (seed) => {
    const r = run(`3000 ${seed}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('aspace ok 3000\n');
  });

  it('count their page tables, free the ones an unmap empties, and charge them to the limit', () => {
    const r = buildHostProgram('usertables-host')('');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('usertables ok\n');
  });

  it('share frames copy-on-write after a clone, copy for the first writer, and give every frame back', () => {
    const r = buildHostProgram('cow-host')('');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('cow ok\n');
  });
});
