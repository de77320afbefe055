// The page-table code (kernel/mm/paging.ts) compiled for the host over the
// frame allocator: seeded random map/unmap/protect sequences against a model,
// and the misuses map refuses.
import { describe, expect, it } from 'vitest';
import { buildHostProgram } from './run.js';

describe('paging (host)', () => {
  const run = buildHostProgram('paging-host');

  it.each([1, 2, 3, 4, 5])('agrees with the model over 20000 random operations (seed %i)', (seed) => {
    const r = run(`20000 ${seed}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^paging ok 20000 live \d+\n$/);
  });

  it('merges a split 2 MiB page back once its table is a whole aligned run, and frees the table', () => {
    const r = buildHostProgram('merge-host')('');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('merge ok\n');
  });

  const misuse = buildHostProgram('misuse-host');
  it.each([
    [14, 'paging: page is already mapped'],
    [15, 'paging: address not 4 KiB aligned'],
    [16, 'paging: virtual address not canonical'],
    [17, 'paging: page is already mapped'],
    [18, 'paging: address not 2 MiB aligned'],
    [19, 'paging: page is already mapped'],
    [20, 'mapUser: address is outside user space'],
    [21, 'mapUser: address is not 4 KiB aligned'],
    [22, 'paging: page is already mapped'],
    [23, 'destroyAddressSpace: the space was destroyed already'],
  ])('scenario %i panics with "%s"', (scenario, message) => {
    const r = misuse(String(scenario));
    expect(r.status).toBe(134);
    expect(r.stderr).toMatch(new RegExp(`panic: ${message}\n    at kernel/mm/(paging|aspace)\\.ts:`));
  });
});
