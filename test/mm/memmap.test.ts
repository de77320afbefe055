// The E820 reader and sanitiser (kernel/mm/bootinfo.ts, memmap.ts), compiled
// for the host: a hand-made map with every awkward case, and seeded random
// maps checked against a brute-force model inside the program.
import { describe, expect, it } from 'vitest';
import { buildHostProgram } from './run.js';

describe('memory map sanitiser (host)', () => {
  const run = buildHostProgram('memmap-host');

  it('sorts, merges, clips overlaps and page-aligns usable regions inward', () => {
    const r = run('0 1');
    expect(r.status).toBe(0);
    const regions = r.stdout.split('\n').filter((l) => l.startsWith('region ')).map((l) => l.slice(7));
    expect(regions).toEqual([
      `0 ${0x9f000} 1`, // low memory ends mid-page at 0x9FC00: trimmed to 0x9F000
      `${0x9fc00} ${0xa0000} 2`, // EBDA
      `${0xf0000} ${0x100000} 2`, // BIOS ROM
      `${0x100000} ${0x2000000} 1`, // usable up to the unaligned hole at 0x2000800, trimmed down
      `${0x2000800} ${0x2003000} 2`, // the hole (the disabled "bad" entry at 16 MiB is ignored)
      `${0x2003000} ${0x2800000} 1`,
      `${0x2800000} ${0x2801000} 3`, // ACPI tables override usable RAM
      `${0x2801000} ${0x4000000} 1`, // the rest of the 1 MiB entry merged with two overlapping usable ones
      `${0xfffc0000} ${0x100000000} 2`,
    ]);
    const usable = 0x9f000 + (0x2000000 - 0x100000) + (0x2800000 - 0x2003000) + (0x4000000 - 0x2801000);
    expect(r.stdout).toContain(`usable ${usable}\n`);
  });

  it.each([1, 2, 3])('agrees with a brute-force model on 2000 random maps (seed %i)', (seed) => {
    const r = run(`2000 ${seed}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('random maps ok 2000');
  });
});
