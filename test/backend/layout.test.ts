// Block layout (x86/layout.ts): panic paths go to the end of the function
// and a bounds check falls through into its in-bounds block.
import { describe, it, expect } from 'vitest';
import { buildAndRun, PRELUDE } from './run.js';

/**
 * Sums a[0..n) for a 5-element array with a checked load, exiting with 9 from
 * a ud2-terminated block when out of bounds; that block comes first in the IR.
 */
const IR = (n: number): string => `init $main
${PRELUDE}
data $arr = rodata align 8 { l 5, w 1, w 2, w 3, w 4, w 5 }

function l $sum(l %a.0, w %n.1) {
@start.0
  jmp @loop.1
@loop.1
  %i.2 =w phi @start.0 0, @next.4 %i.9
  %s.3 =l phi @start.0 0, @next.4 %s.8
  %c.4 =w csltw %i.2, %n.1
  jnz %c.4, @check.2, @done.5
@check.2
  %x.5 =l extsw %i.2
  %len.6 =l loadl %a.0
  %ok.7 =w cultl %x.5, %len.6
  jnz %ok.7, @inbounds.3, @fail.6
@fail.6
  call $exit(9)
  unreachable
@inbounds.3
  %p.10 =l mul %x.5, 4
  %p.11 =l add %a.0, 8
  %p.12 =l add %p.11, %p.10
  %v.13 =l loadsw %p.12
  %s.8 =l add %s.3, %v.13
  jmp @next.4
@next.4
  %i.9 =w add %i.2, 1
  jmp @loop.1
@done.5
  ret %s.3
}

function $main() {
@start.0
  %r.1 =l call $sum($arr, ${n})
  call $print(%r.1)
  ret
}
`;

/** The lines of function $sum in the assembly text. */
const sumLines = (asm: string): string[] => {
  const lines = asm.split('\n').map((l) => l.trim());
  const start = lines.indexOf('$sum:');
  return lines.slice(start, lines.indexOf('.end:', start));
};

describe('block layout', () => {
  it('puts the panic path after the return, reached by one inverted branch', () => {
    const r = buildAndRun(IR(5));
    expect(r.stdout).toBe('15\n');
    const f = sumLines(r.asm);
    const ud2 = f.indexOf('ud2');
    const ret = f.indexOf('ret');
    expect(ret).toBeGreaterThan(0);
    expect(ud2).toBeGreaterThan(ret);
    // The bounds check branches (jae) to the cold block and falls through otherwise.
    const cold = f.findLastIndex((l) => /^\.b\d+:$/.test(l) && f.indexOf(l) < ud2);
    const coldLabel = f[cold].slice(0, -1);
    const check = f.findIndex((l) => l === `jae ${coldLabel}`);
    expect(check).toBeGreaterThan(0);
    expect(f[check + 1]).not.toMatch(/^jmp/);
  });

  it('still reaches the panic path when the check fails', () => {
    expect(buildAndRun(IR(6)).status).toBe(9);
  });
});
