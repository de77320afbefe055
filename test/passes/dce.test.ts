// dce: instructions and phis without effects whose results nothing uses are
// removed, transitively; stores, calls, volatile loads and other effects stay.
import { describe, expect, it } from 'vitest';
import { deadCode } from '../../compiler/passes/dce.js';
import { body, run } from './helpers.js';

describe('dce', () => {
  it('removes unused pure instructions, transitively', () => {
    const out = run(`
function w $f(w %p.0, l %q.1) {
@s.0
  %a.2 =w add %p.0, 1
  %b.3 =w mul %a.2, %a.2
  %c.4 =w csltw %b.3, 3
  %d.5 =l extsw %p.0
  %e.6 =l shl %d.5, 2
  %g.7 =w loadub %q.1
  %h.8 =l alloc 16, 8
  %k.9 =w copy %p.0
  %r.10 =w sub %p.0, 2
  ret %r.10
}`, deadCode);
    expect(body(out)).toEqual(['%r.10 =w sub %p.0, 2', 'ret %r.10']);
  });

  it('keeps stores, calls with unused results, volatile loads, syscalls and port I/O', () => {
    const text = `function $f(l %p.0) {
@s.0
  %v.1 =w add 1, 2
  storew %v.1, %p.0
  volatile storeb 7, %p.0
  %c.2 =l call $g(%p.0)
  %d.3 =w volatile loaduw %p.0
  %e.4 =l syscall 39
  %i.5 =w inb 96
  outb 128, 1
  ret
}`;
    expect(run(text, deadCode)).toBe(text);
  });

  it('removes a pure asm whose outputs are unused, and keeps every other asm', () => {
    const out = run(`function l $f(l %p.0) {
@s.0
  %a.1 =l asm "lea {0:r}, [{1:r} + 1]" [lateout reg, in reg, pure, nomem] %p.0
  %b.2 =l asm "rdtsc" [lateout rax, lateout rdx, nomem] 
  %c.3 =l asmout %b.2, 1
  %d.4 =w asm "popcnt {0:e}, {1:e}" [lateout reg, in reg, pure, nomem, preserves_flags] 7
  %e.5 =l asm "mov {0:r}, [{2:r}]" [out reg, lateout rdx, in reg, pure, readonly] %p.0
  %f.6 =l asmout %e.5, 1
  asm "mfence" []
  ret %e.5
}`, deadCode);
    expect(body(out)).toEqual([
      '%b.2 =l asm "rdtsc" [lateout rax, lateout rdx, nomem]',
      '%e.5 =l asm "mov {0:r}, [{2:r}]" [out reg, lateout rdx, in reg, pure, readonly] %p.0',
      'asm "mfence" []',
      'ret %e.5',
    ]);
  });

  it('keeps what effects, branches, phis and returns use, and removes unused phis', () => {
    const out = run(`
function w $f(w %p.0) {
@s.0
  %c.1 =w cnew %p.0, 0
  %u.2 =w add %p.0, 5
  jnz %c.1, @a.1, @b.2
@a.1
  %x.3 =w add %p.0, 1
  jmp @j.3
@b.2
  %y.4 =w sub %p.0, 1
  jmp @j.3
@j.3
  %m.5 =w phi @a.1 %x.3, @b.2 %y.4
  %n.6 =w phi @a.1 %u.2, @b.2 0
  ret %m.5
}`, deadCode);
    const lines = body(out);
    expect(lines).toContain('%c.1 =w cnew %p.0, 0');
    expect(lines).toContain('%x.3 =w add %p.0, 1');
    expect(lines).toContain('%y.4 =w sub %p.0, 1');
    expect(lines).toContain('%m.5 =w phi @a.1 %x.3, @b.2 %y.4');
    // %n.6 was unused, and with it %u.2.
    expect(out).not.toContain('%n.6');
    expect(out).not.toContain('%u.2');
  });

  it('keeps a loop counter that the exit condition reads', () => {
    const text = `function w $f(w %n.0) {
@s.0
  jmp @loop.1
@loop.1
  %i.1 =w phi @s.0 0, @loop.1 %i.2
  %i.2 =w add %i.1, 1
  %c.3 =w csltw %i.2, %n.0
  jnz %c.3, @loop.1, @out.2
@out.2
  ret 0
}`;
    expect(run(text, deadCode)).toBe(text);
  });
});
