// thread: an edge whose phi values decide the branch of the block it enters
// goes straight to the branch's target, and every shape where moving it
// would break SSA form or reducibility, or skip an effect, is left alone.
import { describe, expect, it } from 'vitest';
import { threadJumps } from '../../compiler/passes/thread.js';
import { simplifyCfg } from '../../compiler/passes/simplifycfg.js';
import { body, run } from './helpers.js';

/** A diamond whose two arms feed B a phi: FROM_P and FROM_Q, B's extra instructions EXTRA, its branch on COND. */
const diamond = (o: { fromP?: string; fromQ?: string; extra?: string; cond?: string; exitUses?: string } = {}): string => `
function w $f(w %a.0) {
@entry.0
  %c.1 =w csltw %a.0, 10
  jnz %c.1, @p.1, @q.2
@p.1
  jmp @b.3
@q.2
  jmp @b.3
@b.3
  %x.4 =w phi @p.1 ${o.fromP ?? '0'}, @q.2 ${o.fromQ ?? '1'}
  %y.5 =w phi @p.1 %a.0, @q.2 7
${o.extra ?? ''}
  jnz ${o.cond ?? '%x.4'}, @t.4, @e.5
@t.4
  ret 1
@e.5
  %z.6 =w phi @b.3 %y.5
  ret ${o.exitUses ?? '%z.6'}
}`;

describe('thread', () => {
  it('sends each arm of an inlined boolean straight to its target', () => {
    const out = body(run(diamond(), threadJumps, simplifyCfg));
    expect(out).not.toContain('jnz %x.4, @t.4, @e.5');
    // The false arm reaches the exit with the value B's phi had from it.
    expect(out).toContain('ret %a.0');
    expect(out).toContain('ret 1');
  });

  it('evaluates the test of a sentinel: -1 fails `>= 0`, an unknown value keeps the branch', () => {
    const out = body(run(diamond({ fromP: '-1', fromQ: '%a.0', extra: '  %g.7 =w csgew %x.4, 0', cond: '%g.7' }), threadJumps));
    expect(out).toContain('jmp @e.5'); // p.1, whose -1 fails the test
    expect(out).toContain('%z.6 =w phi @b.3 %y.5, @p.1 %a.0');
    expect(out).toContain('jnz %g.7, @t.4, @e.5');
  });

  it('leaves a block with an effect alone', () => {
    const out = body(run(diamond({ extra: '  storew %a.0, $g' }), threadJumps));
    expect(out).toContain('jnz %x.4, @t.4, @e.5');
    expect(out.filter((l) => l === 'jmp @b.3')).toHaveLength(2);
  });

  it('keeps an edge whose move would leave a use of B\'s value undominated', () => {
    // The exit reads B's phi itself: arriving there from p.1 directly, it would not exist.
    const out = body(run(diamond({ exitUses: '%x.4' }), threadJumps));
    expect(out).toContain('jnz %x.4, @t.4, @e.5');
    expect(out).not.toContain('jmp @e.5');
    // The other arm may move (t.4 reads nothing of B's) only while p.1 still comes through B.
    expect(out).toContain('jmp @t.4');
    expect(out).toContain('jmp @b.3');
  });

  it('keeps an edge whose move would give a loop a second entry', () => {
    const text = `
function w $f(w %a.0) {
@entry.0
  jmp @h.1
@h.1
  %f.1 =w phi @entry.0 %a.0, @l.3 1
  jnz %f.1, @x.2, @y.5
@y.5
  %c.6 =w csltw %a.0, 5
  jnz %c.6, @l.3, @out.4
@x.2
  jmp @l.3
@l.3
  %d.7 =w csltw %a.0, 3
  jnz %d.7, @h.1, @out.4
@out.4
  ret 0
}`;
    const out = body(run(text, threadJumps));
    expect(out).toContain('jnz %d.7, @h.1, @out.4');
  });

  it('does not add a second edge from a block that already branches to the target', () => {
    const text = `
function w $f(w %a.0) {
@entry.0
  %c.1 =w csltw %a.0, 10
  jnz %c.1, @b.3, @e.5
@b.3
  %x.4 =w phi @entry.0 0
  jnz %x.4, @t.4, @e.5
@t.4
  ret 1
@e.5
  ret 2
}`;
    const out = body(run(text, threadJumps));
    expect(out).toContain('jnz %c.1, @b.3, @e.5');
  });
});
