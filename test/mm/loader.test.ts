// The ELF loader (kernel/proc/loader.ts) compiled for the host over the fake
// machine: crafted executables, shared and copied pages, the start-up block,
// and every malformed file refused.
import { describe, expect, it } from 'vitest';
import { buildHostProgram } from './run.js';

describe('ELF loader (host)', () => {
  const run = buildHostProgram('loader-host');

  it('maps each segment with its rights, shares read-only pages, refuses malformed files', () => {
    const r = run('');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('loader ok\n');
  });
});
