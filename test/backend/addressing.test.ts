// Addressing modes (x86/isel-addr.ts): element address arithmetic folds
// into [base + index*scale + disp], for every scale, for loads and stores,
// and still works when the base and index registers are spilled.
import { describe, it, expect } from 'vitest';
import { buildAndRun, PRELUDE } from './run.js';

/** Element k of a rodata table of each width, loaded through add/mul/shl address arithmetic. */
const LOADS_IR = `init $main
${PRELUDE}
data $b = rodata align 8 { l 0, b 10, b 11, b 12, b 13 }
data $h = rodata align 8 { l 0, h 20, h 21, h 22, h 23 }
data $w = rodata align 8 { l 0, w 30, w 31, w 32, w 33 }
data $q = rodata align 8 { l 0, l 40, l 41, l 42, l 43 }
data $out = bss align 8 { z 40 }

function l $get(l %b.0, l %h.1, l %w.2, l %q.3, l %k.4) {
@start.0
  %p1.5 =l add %b.0, 8
  %p1.6 =l add %p1.5, %k.4
  %x1.7 =l loadub %p1.6
  %o2.8 =l mul %k.4, 2
  %p2.9 =l add %h.1, 8
  %p2.10 =l add %p2.9, %o2.8
  %x2.11 =l loaduh %p2.10
  %o4.12 =l shl %k.4, 2
  %p4.13 =l add %o4.12, %w.2
  %p4.14 =l add %p4.13, 8
  %x4.15 =l loadsw %p4.14
  %o8.16 =l mul %k.4, 8
  %p8.17 =l add %q.3, %o8.16
  %p8.18 =l add %p8.17, 8
  %x8.19 =l loadl %p8.18
  %s.20 =l add %x1.7, %x2.11
  %s.21 =l add %s.20, %x4.15
  %s.22 =l add %s.21, %x8.19
  %o.23 =l mul %k.4, 8
  %po.24 =l add $out, %o.23
  storel %s.22, %po.24
  ret %s.22
}

function $main() {
@start.0
  %r.1 =l call $get($b, $h, $w, $q, 0)
  call $print(%r.1)
  %r.2 =l call $get($b, $h, $w, $q, 3)
  call $print(%r.2)
  %v.3 =l loadl $out
  call $print(%v.3)
  %p.4 =l add $out, 24
  %v.5 =l loadl %p.4
  call $print(%v.5)
  ret
}
`;

/** The lines of function name in the assembly text. */
const funcLines = (asm: string, name: string): string[] => {
  const lines = asm.split('\n').map((l) => l.trim());
  const start = lines.indexOf(`$${name}:`);
  return lines.slice(start, lines.indexOf('.end:', start));
};

/**
 * A load whose base and index are defined first and used last, with 24
 * values live in between that are used more often: both get spilled, and
 * the allocator combines them in one scratch register (lea).
 */
const SPILL_IR = `init $main
${PRELUDE}
data $q = rodata align 8 { l 0, l 40, l 41, l 42, l 43 }

function l $pressure(l %base.0, l %k.1) {
@start.0
  %bb.2 =l xor %base.0, 0
  %i.3 =l xor %k.1, 0
${Array.from({ length: 24 }, (_, j) => `  %v.${j + 10} =l mul %k.1, ${j + 3}`).join('\n')}
  %o.40 =l mul %i.3, 8
  %a.41 =l add %bb.2, %o.40
  %a.42 =l add %a.41, 8
  %x.43 =l loadl %a.42
${Array.from({ length: 24 }, (_, j) => `  %s.${j + 50} =l add ${j ? `%s.${j + 49}` : '%x.43'}, %v.${j + 10}`).join('\n')}
${Array.from({ length: 24 }, (_, j) => `  %u.${j + 100} =l xor ${j ? `%u.${j + 99}` : '%s.73'}, %v.${j + 10}`).join('\n')}
${Array.from({ length: 24 }, (_, j) => `  %y.${j + 200} =l sub ${j ? `%y.${j + 199}` : '%u.123'}, %v.${j + 10}`).join('\n')}
  %t.80 =l add %y.223, %bb.2
  %t.81 =l add %t.80, %i.3
  ret %t.81
}

function $main() {
@start.0
  %r.1 =l call $pressure($q, 2)
  %r.2 =l sub %r.1, $q
  call $print(%r.2)
  ret
}
`;

describe('addressing modes', () => {
  it('folds scaled element addresses into loads and stores of every width', () => {
    const r = buildAndRun(LOADS_IR);
    expect(r.stdout).toBe('100\n112\n100\n112\n');
    const f = funcLines(r.asm, 'get');
    for (const scale of [2, 4, 8]) expect(f.some((l) => new RegExp(`\\[r\\w+ \\+ r\\w+\\*${scale} \\+ 8\\]`).test(l))).toBe(true);
    expect(f.some((l) => /\[r\w+ \+ r\w+\*1 \+ 8\]/.test(l))).toBe(true);
    // No separate address arithmetic is left: no multiply, no shift.
    expect(f.filter((l) => /^(imul|shl)/.test(l))).toEqual([]);
  });

  it('keeps loads right when the base and index registers are spilled', () => {
    const r = buildAndRun(SPILL_IR);
    const k = 2n;
    const v = Array.from({ length: 24 }, (_, j) => k * BigInt(j + 3));
    const s = v.reduce((a, x) => a + x, 42n); // q[2] = 42
    const y = v.reduce((a, x) => a - x, v.reduce((a, x) => a ^ x, s));
    expect(r.stdout).toBe(`${y + k}\n`);
    expect(funcLines(r.asm, 'pressure').some((l) => /^lea r11, \[r11 \+ r10\*8\]$/.test(l))).toBe(true);
  });
});
