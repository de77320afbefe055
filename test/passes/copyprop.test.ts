// copyprop: every use of `%a = copy v` becomes a use of v, through chains of
// copies, in instructions, phis and terminators; the copies stay for dce.
import { describe, expect, it } from 'vitest';
import { copyProp } from '../../compiler/passes/copyprop.js';
import { body, run } from './helpers.js';

describe('copyprop', () => {
  it('follows a chain of copies to its source', () => {
    const out = run(`
function w $f(w %p.0) {
@s.0
  %a.1 =w copy %p.0
  %b.2 =w copy %a.1
  %c.3 =w copy %b.2
  %r.4 =w add %c.3, 1
  ret %c.3
}`, copyProp);
    expect(body(out)).toContain('%r.4 =w add %p.0, 1');
    expect(body(out)).toContain('ret %p.0');
    // The copies are left for dce, but nothing reads them any more.
    expect(body(out).filter((l) => l.includes(' copy '))).toHaveLength(3);
    expect(out).not.toMatch(/add %c\.3|ret %c\.3/);
  });

  it('propagates constants and symbols through copies', () => {
    const out = run(`
function l $f(l %p.0) {
@s.0
  %k.1 =l copy 5
  %k2.2 =l copy %k.1
  %g.3 =l copy $table
  %a.4 =l add %k2.2, %p.0
  %v.5 =w loadsw %g.3
  %e.6 =l extsw %v.5
  %r.7 =l add %a.4, %e.6
  ret %r.7
}`, copyProp);
    expect(body(out)).toContain('%a.4 =l add 5, %p.0');
    expect(body(out)).toContain('%v.5 =w loadsw $table');
  });

  it('rewrites phi operands, branch conditions and call arguments', () => {
    const out = run(`
function w $f(w %p.0) {
@s.0
  %c.1 =w copy %p.0
  %d.2 =w copy %c.1
  jnz %d.2, @a.1, @b.2
@a.1
  %x.3 =w copy 7
  %y.4 =w call $g(%x.3, %d.2)
  jmp @j.3
@b.2
  jmp @j.3
@j.3
  %m.5 =w phi @a.1 %y.4, @b.2 %d.2
  ret %m.5
}`, copyProp);
    expect(body(out)).toContain('jnz %p.0, @a.1, @b.2');
    expect(body(out)).toContain('%y.4 =w call $g(7, %p.0)');
    expect(body(out)).toContain('%m.5 =w phi @a.1 %y.4, @b.2 %p.0');
  });

  it('follows copies defined in dominating blocks, in any block order', () => {
    const out = run(`
function l $f(l %p.0) {
@s.0
  %a.1 =l copy %p.0
  jmp @m.2
@e.1
  %r.4 =l mul %b.3, %b.3
  ret %r.4
@m.2
  %b.3 =l copy %a.1
  jmp @e.1
}`, copyProp);
    expect(body(out)).toContain('%r.4 =l mul %p.0, %p.0');
  });

  it('leaves a function without copies unchanged', () => {
    const text = `function w $f(w %p.0) {
@s.0
  %r.1 =w add %p.0, 1
  ret %r.1
}`;
    expect(run(text, copyProp)).toBe(text);
  });
});
