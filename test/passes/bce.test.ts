// bce: the bounds check of a rotated loop's counter against the length it
// is tested against goes; every other shape keeps its check.
import { describe, expect, it } from 'vitest';
import { boundsChecks } from '../../compiler/passes/bce.js';
import { simplifyCfg } from '../../compiler/passes/simplifycfg.js';
import { body, run } from './helpers.js';

/** The loop `for (i = START; i < trunc len; i += STEP) a[INDEX]`, rotated, with its check against CHECKED. */
const loop = (o: { start?: string; step?: string; index?: string; checked?: string; test?: string } = {}): string => `
function w $f(l %a.0, l %b.1) {
@entry.0
  %len.2 =l invariant loadl %a.0
  %n.3 =w trunc %len.2
  %g.4 =w ${o.test ?? 'cslt'}w ${o.start ?? '0'}, %n.3
  jnz %g.4, @pre.1, @out.5
@pre.1
  jmp @head.2
@head.2
  %i.5 =w phi @pre.1 ${o.start ?? '0'}, @step.3 %j.6
  %x.7 =l extsw ${o.index ?? '%i.5'}
  %c.8 =w cultl %x.7, ${o.checked ?? '%len.2'}
  jnz %c.8, @ok.4, @bad.6
@ok.4
  jmp @step.3
@step.3
  %j.6 =w add %i.5, ${o.step ?? '1'}
  %t.9 =w ${o.test ?? 'cslt'}w %j.6, %n.3
  jnz %t.9, @head.2, @out.5
@out.5
  ret 0
@bad.6
  call $panic()
  unreachable
}`;

const checked = (text: string): boolean => body(run(text, boundsChecks, simplifyCfg)).includes('jnz %c.8, @ok.4, @bad.6');

describe('bce', () => {
  it('removes the check of a counter from 0 by 1 below the truncated length', () => {
    const out = body(run(loop(), boundsChecks, simplifyCfg));
    expect(out).not.toContain('jnz %c.8, @ok.4, @bad.6');
    expect(out).not.toContain('call $panic()');
    expect(checked(loop({ start: '5' }))).toBe(false);
  });

  it('keeps the check when the counter may start negative', () => {
    expect(checked(loop({ start: '-1' }))).toBe(true);
  });

  it('keeps the check when the step could jump past the end', () => {
    expect(checked(loop({ step: '2' }))).toBe(true);
  });

  it('keeps the check of another array, or of another index', () => {
    expect(checked(loop({ checked: '%b.1' }))).toBe(true);
    expect(checked(loop({ index: '%n.3' }))).toBe(true);
  });

  it('keeps the check when the loop runs while i <= n', () => {
    expect(checked(loop({ test: 'csle' }))).toBe(true);
  });
});
