// gvn: a pure instruction equal to a dominating one is removed and its uses
// take the earlier result; ordinary loads are reused only until memory may
// be written and along single-predecessor chains, lengths (`invariant`
// loads) everywhere they are dominated; address arithmetic stays for isel
// to fold; a branch on a condition a dominating branch decided gets the
// constant.
import { describe, expect, it } from 'vitest';
import { gvn } from '../../compiler/passes/gvn.js';
import { body, run } from './helpers.js';

const lines = (printed: string): string => body(printed).join('\n');

describe('gvn', () => {
  it('merges equal pure instructions, commutative operands in either order, in dominated blocks only', () => {
    const out = lines(run(`
function w $f(w %p.0, w %q.1) {
@s.0
  %a.2 =w mul %p.0, %q.1
  %c.3 =w csltw %p.0, %q.1
  jnz %c.3, @t.1, @e.2
@t.1
  %b.4 =w mul %q.1, %p.0
  %d.5 =w csltw %p.0, %q.1
  %x.6 =w add %b.4, %d.5
  ret %x.6
@e.2
  %s.7 =w sub %p.0, %q.1
  jmp @j.3
@j.3
  %u.8 =w sub %p.0, %q.1
  ret %u.8
}`, gvn));
    expect(out).toContain('%x.6 =w add %a.2, %c.3');
    expect(out).not.toContain('%b.4 =w mul %q.1, %p.0');
    // @j.3 is dominated by @e.2 (its only predecessor), so its sub is %s.7.
    expect(out).toContain('ret %s.7');
  });

  it('reuses a load until a store, call or volatile access, and not across a join', () => {
    const out = lines(run(`
function w $f(l %p.0, w %c.1) {
@s.0
  %a.2 =w loaduw %p.0
  %b.3 =w loaduw %p.0
  storew 1, %p.0
  %d.4 =w loaduw %p.0
  %e.5 =w add %a.2, %b.3
  %g.6 =w add %e.5, %d.4
  jnz %c.1, @t.1, @j.2
@t.1
  %h.7 =w loaduw %p.0
  jmp @j.2
@j.2
  %k.8 =w phi @s.0 0, @t.1 %h.7
  %m.9 =w loaduw %p.0
  %n.10 =w add %k.8, %m.9
  %r.11 =w add %n.10, %g.6
  ret %r.11
}`, gvn));
    expect(out).toContain('%e.5 =w add %a.2, %a.2');
    expect(out).toContain('%d.4 =w loaduw %p.0');
    // @t.1 has one predecessor: the load after the store is still valid there.
    expect(out).toContain('%k.8 =w phi @s.0 0, @t.1 %d.4');
    // @j.2 joins two paths: its load stays.
    expect(out).toContain('%m.9 =w loaduw %p.0');
  });

  it('reuses an invariant load (a length) across stores, calls and joins', () => {
    const out = lines(run(`
function l $f(l %a.0, w %c.1) {
@s.0
  %n.2 =l invariant loadl %a.0
  storel 0, %a.0
  call $g(%a.0)
  jnz %c.1, @t.1, @j.2
@t.1
  jmp @j.2
@j.2
  %m.3 =l invariant loadl %a.0
  %v.4 =l volatile loadl %a.0
  %w.5 =l volatile loadl %a.0
  %x.6 =l add %m.3, %v.4
  %y.7 =l add %x.6, %w.5
  ret %y.7
}`, gvn));
    expect(out).not.toContain('%m.3 =l invariant loadl');
    expect(out).toContain('%x.6 =l add %n.2, %v.4');
    expect(out).toContain('%w.5 =l volatile loadl %a.0');
  });

  it('leaves address arithmetic for isel but merges loads through equal addresses', () => {
    const out = lines(run(`
function w $f(l %o.0) {
@s.0
  %a.1 =l add %o.0, 8
  %x.2 =w loaduw %a.1
  %b.3 =l add %o.0, 8
  %y.4 =w loaduw %b.3
  %z.5 =w add %x.2, %y.4
  ret %z.5
}`, gvn));
    expect(out).toContain('%b.3 =l add %o.0, 8');
    expect(out).not.toContain('%y.4 =w loaduw');
    expect(out).toContain('%z.5 =w add %x.2, %x.2');
  });

  it('turns a branch on a condition a dominating branch decided into a branch on the constant', () => {
    const out = lines(run(`
function w $f(l %i.0, l %n.1) {
@s.0
  %c.2 =w cultl %i.0, %n.1
  jnz %c.2, @ok.1, @bad.2
@ok.1
  %d.3 =w cultl %i.0, %n.1
  jnz %d.3, @ok2.3, @bad.2
@ok2.3
  ret 1
@bad.2
  %e.4 =w cultl %i.0, %n.1
  jnz %e.4, @x.4, @y.5
@x.4
  ret 2
@y.5
  ret 3
}`, gvn));
    expect(out).toContain('jnz 1, @ok2.3, @bad.2');
    // @bad.2 has two predecessors, but on both the condition was false.
    // Only single-predecessor blocks learn a fact, so its branch stays.
    expect(out).toContain('jnz %c.2, @x.4, @y.5');
  });

  it('never merges stack slots', () => {
    const out = lines(run(`
function l $f() {
@s.0
  %a.1 =l alloc 8, 8
  %b.2 =l alloc 8, 8
  %c.3 =l sub %a.1, %b.2
  ret %c.3
}`, gvn));
    expect(out).toContain('%c.3 =l sub %a.1, %b.2');
  });

  it('reuses a load across stores of other alias classes, not across its own or an untagged one', () => {
    const out = lines(run(`
function w $f(l %p.0, l %q.1) {
@s.0
  %a.2 =w alias:Node.val loadsw %p.0
  alias:Task.count storew 1, %q.1
  alias:#w4 storew 2, %q.1
  alias:$g storew 3, $g
  %b.3 =w alias:Node.val loadsw %p.0
  %g.4 =w alias:$h loadsw $h
  alias:$g storew 4, $g
  %h.5 =w alias:$h loadsw $h
  alias:Node.val storew 5, %q.1
  %c.6 =w alias:Node.val loadsw %p.0
  %d.7 =w alias:#w1 loadub %p.0
  storew 6, %q.1
  %e.8 =w alias:#w1 loadub %p.0
  %s.9 =w add %a.2, %b.3
  %t.10 =w add %c.6, %d.7
  %u.11 =w add %e.8, %g.4
  %v.12 =w add %s.9, %t.10
  %w.13 =w add %u.11, %h.5
  %r.14 =w add %v.12, %w.13
  ret %r.14
}`, gvn));
    expect(out).toContain('%s.9 =w add %a.2, %a.2');
    // One global's store leaves another global's load.
    expect(out).toContain('%w.13 =w add %u.11, %g.4');
    // A store of the load's class, or an untagged one, may change it.
    expect(out).toContain('%t.10 =w add %c.6, %d.7');
    expect(out).toContain('%u.11 =w add %e.8, %g.4');
  });
});
