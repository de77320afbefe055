// The slab heap (kernel/mm/heap.ts, slab.ts) compiled for the host over the
// frame allocator: seeded random sequences against a model, and every misuse
// of the heap or the frame allocator ending in a clear panic.
import { describe, expect, it } from 'vitest';
import { buildHostProgram } from './run.js';

describe('slab heap (host)', () => {
  const run = buildHostProgram('heap-host');

  it.each([1, 2, 3, 4, 5])('survives 20000 random kmalloc/kzalloc/krealloc/kfree against the model (seed %i)', (seed) => {
    const r = run(`20000 ${seed}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('heap ok 20000\n');
  });
});

describe('misuse detection (host)', () => {
  const run = buildHostProgram('misuse-host');

  it('runs clean when nothing is misused', () => {
    expect(run('0')).toMatchObject({ status: 0, stdout: 'no panic\n' });
  });

  it.each([
    [1, 'freeFrame: double free'],
    [2, 'freeFrame: frame is reserved or outside usable RAM'],
    [3, 'freeFrame: frame is reserved or outside usable RAM'],
    [4, 'freeFrame: address is not 4 KiB aligned'],
    [5, 'kfree: double free of a heap object'],
    [6, 'kfree: pointer is not the start of a heap object (invalid free)'],
    [7, 'kfree: pointer is not the start of a heap object (invalid free)'],
    [8, 'kfree: pointer is not in the kernel heap (invalid or double free)'],
    [9, 'kfree: pointer is not the start of a heap block (invalid free)'],
    [10, 'kfree: pointer is not the start of a heap block (invalid free)'],
    [11, 'kfree: pointer is not in the kernel heap (invalid or double free)'],
    [12, 'kfree: pointer is not the start of a heap object (invalid free)'],
    [13, 'freeFrame: double free'],
  ])('scenario %i panics with "%s"', (scenario, message) => {
    const r = run(String(scenario));
    expect(r.status).toBe(134);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`panic: ${message}\n`);
    expect(r.stderr).toMatch(/at kernel\/mm\/(frames|heap|slab)\.ts:\d+/);
  });
});
