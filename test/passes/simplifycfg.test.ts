// simplifycfg: a branch on a constant becomes a jump, a branch with both
// targets equal becomes a jump, blocks no longer reachable are removed, and
// phis lose the operands of vanished predecessors (a phi left with one
// value disappears, its uses replaced by the value).
import { describe, expect, it } from 'vitest';
import { simplifyCfg } from '../../compiler/passes/simplifycfg.js';
import { constFold } from '../../compiler/passes/constfold.js';
import { deadCode } from '../../compiler/passes/dce.js';
import { body, run } from './helpers.js';

const DIAMOND = (cond: string): string => `
function w $f(w %p.0) {
@s.0
  jnz ${cond}, @t.1, @e.2
@t.1
  %a.1 =w add %p.0, 1
  jmp @j.3
@e.2
  %b.2 =w mul %p.0, 3
  jmp @j.3
@j.3
  %m.3 =w phi @t.1 %a.1, @e.2 %b.2
  %r.4 =w add %m.3, 10
  ret %r.4
}`;

describe('simplifycfg', () => {
  it('turns jnz on a nonzero constant into jmp to the true target, removes the other arm and the trivial phi', () => {
    const out = run(DIAMOND('1'), simplifyCfg);
    expect(out).toContain('jmp @t.1');
    expect(out).not.toContain('jnz');
    expect(out).not.toContain('@e.2');
    expect(out).not.toContain('phi');
    expect(body(out)).toContain('%r.4 =w add %a.1, 10');
  });

  it('turns jnz on zero into jmp to the false target', () => {
    const out = run(DIAMOND('0'), simplifyCfg);
    expect(out).toContain('jmp @e.2');
    expect(out).not.toContain('@t.1');
    expect(body(out)).toContain('%r.4 =w add %b.2, 10');
  });

  it('treats any nonzero constant as true, negative and wide ones too', () => {
    expect(run(DIAMOND('-1'), simplifyCfg)).toContain('jmp @t.1');
    expect(run(DIAMOND('4294967296'), simplifyCfg)).toContain('jmp @t.1');
  });

  it('leaves a branch on a temporary alone', () => {
    const text = DIAMOND('%p.0').trim();
    expect(run(text, simplifyCfg)).toBe(text);
  });

  it('turns a jnz with equal targets into a jmp', () => {
    const out = run(`
function w $f(w %p.0) {
@s.0
  jnz %p.0, @n.1, @n.1
@n.1
  ret %p.0
}`, simplifyCfg);
    expect(out).toContain('jmp @n.1');
    expect(out).not.toContain('jnz');
  });

  it('keeps a phi with two remaining predecessors but drops the vanished one', () => {
    const out = run(`
function w $f(w %p.0, w %q.1) {
@s.0
  jnz %p.0, @a.1, @x.2
@x.2
  jnz 0, @b.3, @c.4
@a.1
  jmp @j.5
@b.3
  jmp @j.5
@c.4
  jmp @j.5
@j.5
  %m.2 =w phi @a.1 1, @b.3 2, @c.4 %q.1
  ret %m.2
}`, simplifyCfg);
    expect(out).not.toContain('@b.3');
    expect(body(out)).toContain('%m.2 =w phi @a.1 1, @c.4 %q.1');
  });

  it('removes an unreachable loop and blocks reachable only from it', () => {
    const out = run(`
function l $f(l %p.0) {
@s.0
  ret %p.0
@loop.1
  %i.1 =l phi @loop.1 %i.2, @pre.3 0
  %i.2 =l add %i.1, 1
  %c.3 =w cnel %i.2, 10
  jnz %c.3, @loop.1, @out.2
@out.2
  ret %i.2
@pre.3
  jmp @loop.1
}`, simplifyCfg);
    expect(body(out)).toEqual(['ret %p.0']);
  });

  it('with constfold before it, folds a constant loop exit and a condition chain', () => {
    const out = run(`
function w $f(w %p.0) {
@s.0
  %c.1 =w csltw 3, 2
  jnz %c.1, @dead.1, @live.2
@dead.1
  %x.2 =w call $never()
  jmp @j.3
@live.2
  %d.3 =w ceqw 7, 7
  jnz %d.3, @j.3, @dead2.4
@dead2.4
  jmp @j.3
@j.3
  %m.4 =w phi @dead.1 %x.2, @live.2 %p.0, @dead2.4 0
  ret %m.4
}`, constFold, simplifyCfg, deadCode);
    expect(out).not.toContain('$never');
    expect(out).not.toContain('phi');
    expect(out).not.toContain('jnz');
    expect(body(out)).toEqual(['jmp @live.2', 'jmp @j.3', 'ret %p.0']);
  });
});
