// licm: invariant code moves to the loop's preheader. Lengths always;
// other loads when no store in the loop can reach them (none at all, or
// only stores of other alias classes); anything that can trap only from
// blocks that run on every iteration; loads from a global from anywhere;
// address arithmetic only together with its accesses; no comparisons, and
// nothing but loads from a loop that calls.
import { describe, expect, it } from 'vitest';
import { licm } from '../../compiler/passes/licm.js';
import { rotateLoops } from '../../compiler/passes/rotate.js';
import { body, run } from './helpers.js';

/** A rotated loop over i < n whose body is `inner` (in block @b.2, which runs on every iteration). */
const loop = (inner: string, params = 'l %p.0, l %q.1, w %n.2'): string => `
function w $f(${params}) {
@s.0
  jmp @h.1
@h.1
  %i.3 =w phi @s.0 0, @b.2 %j.4
  %c.5 =w csltw %i.3, %n.2
  jnz %c.5, @b.2, @x.3
@b.2
${inner}
  %j.4 =w add %i.3, 1
  jmp @h.1
@x.3
  ret %i.3
}`;

/** The lines of the block that now runs before the loop (the guarded entry's new preheader). */
const preheader = (printed: string): string[] => {
  const lines = printed.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith('@preheader'));
  const end = lines.findIndex((l, k) => k > start && l.startsWith('jmp'));
  return start < 0 ? [] : lines.slice(start + 1, end);
};

const hoisted = (inner: string, params?: string): string[] => preheader(run(loop(inner, params), rotateLoops, licm));

describe('licm', () => {
  it('moves a length and pure arithmetic on it out of a loop that stores', () => {
    const pre = hoisted(`
  %len.6 =l invariant loadl %p.0
  %k.7 =l sub %len.6, 8
  %m.8 =l mul %k.7, %len.6
  alias:#w4 storew %i.3, %m.8`);
    expect(pre).toEqual(['%len.6 =l invariant loadl %p.0', '%k.7 =l sub %len.6, 8', '%m.8 =l mul %k.7, %len.6']);
  });

  it('leaves address arithmetic beside the access that stays, for isel to fold', () => {
    const pre = hoisted(`
  %a.6 =l add %p.0, 8
  alias:#w4 storew %i.3, %a.6
  %b.7 =l add %q.1, 16
  %v.8 =w alias:#w4 loadsw %b.7`);
    expect(pre).toEqual([]);
    // With its load, it moves.
    expect(hoisted(`
  %b.7 =l add %q.1, 16
  %v.8 =w alias:Node.val loadsw %b.7`)).toEqual(['%b.7 =l add %q.1, 16', '%v.8 =w alias:Node.val loadsw %b.7']);
  });

  it('moves an ordinary load when nothing in the loop writes, or only other alias classes', () => {
    expect(hoisted(`
  %v.6 =w alias:Node.val loadsw %p.0
  %w.7 =w add %v.6, %i.3`)).toEqual(['%v.6 =w alias:Node.val loadsw %p.0']);
    expect(hoisted(`
  %v.6 =w alias:Node.val loadsw %p.0
  alias:#w4 storew %v.6, %q.1
  alias:Task.count storew %i.3, %q.1`)).toEqual(['%v.6 =w alias:Node.val loadsw %p.0']);
  });

  it('keeps a load that a store of its class, an untagged store or a call may change', () => {
    for (const write of ['alias:Node.val storew %i.3, %q.1', 'storew %i.3, %q.1', 'call $g()']) {
      expect(hoisted(`
  %v.6 =w alias:Node.val loadsw %p.0
  ${write}`)).toEqual([]);
    }
  });

  it('moves a load or a division only from a block that runs on every iteration', () => {
    const cond = (inner: string): string => `
function w $f(l %p.0, w %d.1, w %n.2) {
@s.0
  jmp @h.1
@h.1
  %i.3 =w phi @s.0 0, @t.4 %j.4
  %c.5 =w csltw %i.3, %n.2
  jnz %c.5, @b.2, @x.3
@b.2
  %e.6 =w ceqw %i.3, 5
  jnz %e.6, @y.5, @t.4
@y.5
${inner}
  jmp @t.4
@t.4
  %j.4 =w add %i.3, 1
  jmp @h.1
@x.3
  ret %i.3
}`;
    for (const op of ['%v.7 =w sdiv 100, %d.1', '%v.7 =w alias:Node.val loadsw %p.0']) {
      expect(preheader(run(cond(`  ${op}`), rotateLoops, licm))).toEqual([]);
    }
    // A global's address is always valid: its load moves from anywhere.
    expect(preheader(run(cond('  %v.7 =w alias:$g loadsw $g'), rotateLoops, licm))).toEqual(['%v.7 =w alias:$g loadsw $g']);
    expect(preheader(run(cond('  %v.7 =w add %d.1, 3'), rotateLoops, licm))).toEqual(['%v.7 =w add %d.1, 3']);
  });

  it('keeps comparisons, and arithmetic of a loop that calls, in the loop', () => {
    expect(hoisted(`
  %e.6 =w ceqw %n.2, 7
  %a.7 =w add %e.6, %i.3`)).toEqual([]);
    expect(hoisted(`
  %k.6 =w add %n.2, 1
  %len.7 =l invariant loadl %p.0
  call $g(%k.6, %len.7)`)).toEqual(['%len.7 =l invariant loadl %p.0']);
  });

  it('lifts code out of a nest one loop at a time, as far as it may trap', () => {
    const nest = (load: string): string[] => body(run(`
function w $f(l %p.0, w %n.1) {
@s.0
  jmp @h.1
@h.1
  %i.2 =w phi @s.0 0, @e.4 %i2.3
  %c.4 =w csltw %i.2, %n.1
  jnz %c.4, @ih.2, @x.5
@ih.2
  %k.5 =w phi @h.1 0, @ib.3 %k2.6
  %c2.7 =w csltw %k.5, %n.1
  jnz %c2.7, @ib.3, @e.4
@ib.3
  ${load}
  alias:#w1 storeb 0, %len.8
  %k2.6 =w add %k.5, 1
  jmp @ih.2
@e.4
  %i2.3 =w add %i.2, 1
  jmp @h.1
@x.5
  ret %i.2
}`, rotateLoops, licm));
    const outerPhi = (out: string[]): number => out.findIndex((l) => l.startsWith('%i.2 =w phi'));
    const innerPhi = (out: string[]): number => out.findIndex((l) => l.startsWith('%k.5 =w phi'));
    // The inner loop's guard is invariant in the outer loop, but a comparison stays by its branch.
    const global = nest('%len.8 =l invariant loadl $g');
    expect(global.indexOf('%c2.12 =w csltw 0, %n.1')).toBeGreaterThan(outerPhi(global));
    // A global's length is loaded once, before both loops.
    expect(global.indexOf('%len.8 =l invariant loadl $g')).toBeLessThan(outerPhi(global));
    // Through a parameter it could fault where the inner loop never runs: it stays before the inner loop.
    const param = nest('%len.8 =l invariant loadl %p.0');
    const at = param.indexOf('%len.8 =l invariant loadl %p.0');
    expect(at).toBeGreaterThan(outerPhi(param));
    expect(at).toBeLessThan(innerPhi(param));
  });
});
