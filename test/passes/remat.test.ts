// remat: a comparison whose value a branch in another block reads is
// computed again beside that branch; a comparison of two temporaries, a
// float comparison and a branch in the comparison's own block are left.
import { describe, expect, it } from 'vitest';
import { rematCompares } from '../../compiler/passes/remat.js';
import { deadCode } from '../../compiler/passes/dce.js';
import { body, run } from './helpers.js';

/** An inner loop whose test (CMP) the outer loop's latch branches on again. */
const nest = (cmp: string): string => `
function w $f(w %n.0, w %m.1) {
@entry.0
  jmp @outer.1
@outer.1
  %s.2 =w phi @entry.0 0, @latch.3 %s.3
  jmp @inner.2
@inner.2
  %s.3 =w phi @outer.1 %s.2, @inner.2 %t.5
  %c.4 =w ${cmp}
  %t.5 =w add %s.3, 1
  jnz %c.4, @inner.2, @latch.3
@latch.3
  jnz %c.4, @outer.1, @done.4
@done.4
  ret %s.3
}`;

describe('remat', () => {
  it('copies a comparison with a constant beside the distant branch', () => {
    const out = body(run(nest('csltw %s.3, 4096'), rematCompares, deadCode));
    expect(out.filter((l) => /=w csltw %s\.3, 4096$/.test(l))).toHaveLength(2);
    expect(out).not.toContain('jnz %c.4, @outer.1, @done.4');
    expect(out).toContain('jnz %c.4, @inner.2, @latch.3');
  });

  it('leaves a comparison of two temporaries (the copy would keep both live)', () => {
    const out = body(run(nest('csltw %s.3, %m.1'), rematCompares));
    expect(out).toContain('jnz %c.4, @outer.1, @done.4');
  });

  it('leaves a branch in the comparison\'s own block', () => {
    const text = `
function w $g(w %a.0) {
@entry.0
  %c.1 =w csltw %a.0, 5
  jnz %c.1, @t.1, @e.2
@t.1
  ret 1
@e.2
  ret 0
}`;
    expect(body(run(text, rematCompares)).filter((l) => l.includes('csltw'))).toHaveLength(1);
  });
});
