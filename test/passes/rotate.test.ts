// rotate: a loop that tests at the top becomes a guard before it and a test
// at the bottom; values of the header read after the loop go through phis
// in the exit; loops with a load in the header or a second way out stay.
import { describe, expect, it } from 'vitest';
import { rotateLoops } from '../../compiler/passes/rotate.js';
import { body, run } from './helpers.js';

const COUNT = `
function w $f(w %n.0) {
@s.0
  jmp @h.1
@h.1
  %i.1 =w phi @s.0 0, @l.2 %j.3
  %acc.2 =w phi @s.0 0, @l.2 %a.4
  %c.5 =w csltw %i.1, %n.0
  jnz %c.5, @l.2, @x.3
@l.2
  %j.3 =w add %i.1, 1
  %a.4 =w add %acc.2, %i.1
  jmp @h.1
@x.3
  %r.6 =w add %acc.2, %i.1
  ret %r.6
}`;

describe('rotate', () => {
  it('guards the loop, tests at the latch, and reads its values after it through exit phis', () => {
    const out = body(run(COUNT, rotateLoops));
    // The guard: the header's test on the entry values.
    expect(out).toContain('%c.7 =w csltw 0, %n.0');
    expect(out).toContain('jnz %c.7, @h.1, @x.3');
    // The latch: the same test on the back-edge values.
    expect(out).toContain('%c.8 =w csltw %j.3, %n.0');
    expect(out).toContain('jnz %c.8, @h.1, @x.3');
    expect(out).toContain('%c.5 =w phi @s.0 %c.7, @l.2 %c.8');
    expect(out).toContain('jmp @l.2');
    // After the loop: the values of the last test.
    expect(out).toContain('%acc.9 =w phi @s.0 0, @l.2 %a.4');
    expect(out).toContain('%i.10 =w phi @s.0 0, @l.2 %j.3');
    expect(out).toContain('%r.6 =w add %acc.9, %i.10');
  });

  it('rotates a loop whose body may panic; the panic path still reads the header values', () => {
    const out = body(run(`
function w $f(l %p.0, w %n.1) {
@s.0
  jmp @h.1
@h.1
  %i.2 =w phi @s.0 0, @l.3 %j.3
  %k.4 =l extsw %i.2
  %c.5 =w csltw %i.2, %n.1
  jnz %c.5, @b.2, @x.5
@b.2
  %len.6 =l invariant loadl %p.0
  %in.7 =w cultl %k.4, %len.6
  jnz %in.7, @l.3, @panic.4
@l.3
  alias:#w1 storeb 1, %p.0
  %j.3 =w add %i.2, 1
  jmp @h.1
@panic.4
  call $panic(%k.4)
  unreachable
@x.5
  ret %i.2
}`, rotateLoops));
    expect(out).toContain('jmp @b.2');
    expect(out).toContain('call $panic(%k.4)');
    expect(out.filter((l) => l.includes('=w csltw'))).toHaveLength(2);
  });

  it('is done once: a rotated loop has no test at its header', () => {
    const once = run(COUNT, rotateLoops);
    expect(run(once, rotateLoops)).toBe(once);
  });

  it('leaves a loop whose header loads, or that has a second way out', () => {
    const load = `
function w $f(l %p.0) {
@s.0
  jmp @h.1
@h.1
  %i.1 =w phi @s.0 0, @l.2 %j.3
  %n.2 =w loadsw %p.0
  %c.5 =w csltw %i.1, %n.2
  jnz %c.5, @l.2, @x.3
@l.2
  %j.3 =w add %i.1, 1
  jmp @h.1
@x.3
  ret %i.1
}`;
    expect(run(load, rotateLoops)).toBe(run(load));
    const brk = `
function w $f(w %n.0, w %m.1) {
@s.0
  jmp @h.1
@h.1
  %i.2 =w phi @s.0 0, @l.3 %j.3
  %c.5 =w csltw %i.2, %n.0
  jnz %c.5, @b.2, @x.4
@b.2
  %d.6 =w ceqw %i.2, %m.1
  jnz %d.6, @x.4, @l.3
@l.3
  %j.3 =w add %i.2, 1
  jmp @h.1
@x.4
  ret %i.2
}`;
    expect(run(brk, rotateLoops)).toBe(run(brk));
  });
});
