// bce-version: a rotated counted loop whose checks the loop test does not
// prove is copied without them, behind a test before it; the original,
// checks included, runs when the test fails. Shapes it cannot prove keep
// one loop with its check.
import { describe, expect, it } from 'vitest';
import { versionLoops } from '../../compiler/passes/bcever.js';
import { simplifyCfg } from '../../compiler/passes/simplifycfg.js';
import { body, run } from './helpers.js';

/** `for (i = START; i CMP n; i += STEP) a[INDEX]`, rotated, its guard testing GUARD; a's length is %len.2. */
const loop = (o: { start?: string; step?: string; index?: string; cmp?: string; len?: string; guard?: string } = {}): string => `
function w $f(l %a.0, w %n.1, w %s.10) {
@entry.0
  %len.2 =l invariant loadl %a.0
  %g.4 =w ${o.cmp ?? 'csle'}w ${o.guard ?? o.start ?? '2'}, %n.1
  jnz %g.4, @pre.1, @out.5
@pre.1
  jmp @head.2
@head.2
  %i.5 =w phi @pre.1 ${o.start ?? '2'}, @step.3 %j.6
  %d.11 =w sub %i.5, 1
  %x.7 =l extsw ${o.index ?? '%d.11'}
  %c.8 =w cultl %x.7, ${o.len ?? '%len.2'}
  jnz %c.8, @ok.4, @bad.6
@ok.4
  jmp @step.3
@step.3
  %j.6 =w add %i.5, ${o.step ?? '1'}
  %t.9 =w ${o.cmp ?? 'csle'}w %j.6, %n.1
  jnz %t.9, @head.2, @out.5
@out.5
  %r.12 =w phi @entry.0 0, @step.3 %j.6
  ret %r.12
@bad.6
  call $panic()
  unreachable
}`;

const versioned = (text: string): string[] => body(run(text, versionLoops, simplifyCfg));
/** The checks left: branches to the panic. */
const checked = (out: string[]): number => out.filter((l) => /^jnz %c\.\d+, @ok\.\d+, @bad\.6$/.test(l)).length;
/** The copies' checks, decided: jumps. */
const decided = (out: string[]): number => out.filter((l) => /^jmp @ok\.\d+$/.test(l)).length;
/** The test before the loop: compares of the pass's own (unnamed) temporaries. */
const tests = (out: string[], re: RegExp): number => out.filter((l) => /^%\.\d+ =w c/.test(l) && re.test(l)).length;

describe('bce-version', () => {
  it('copies `for (i = 2; i <= n; i++) a[i - 1]` without its check, behind n + 1 <= 2^31 - 1 and n - 1 <u len', () => {
    const out = versioned(loop());
    // The original loop keeps its check and its panic; the copy has neither.
    expect(checked(out)).toBe(1);
    expect(out).toContain('call $panic()');
    expect(decided(out)).toBe(1);
    expect(tests(out, /cultl %\.\d+, %len\.2$/)).toBe(1);
    expect(tests(out, /cslel %\.\d+, 2147483647$/)).toBe(1);
    // After the loop, the result comes from either copy.
    expect(out.find((l) => l.startsWith('%r.12 ='))).toMatch(/^%r\.12 =w phi @entry\.0 0, @step\.3 %j\.6, @step\.\d+ %j\.\d+$/);
  });

  it('tests a variable step and start: step >= 1, no wrap of i + step, start - 1 >= 0', () => {
    const out = versioned(loop({ step: '%s.10', start: '%s.10' }));
    expect(tests(out, /cslel 1, %/)).toBe(1);
    expect(tests(out, /cslel %\S+, 2147483647$/)).toBe(1);
    expect(tests(out, /cslel 0, %/)).toBe(1);
    expect(tests(out, /cultl %\S+, %len\.2$/)).toBe(1);
    expect([checked(out), decided(out)]).toEqual([1, 1]);
  });

  it('without a guard testing start against n, tests the index at both ends', () => {
    const out = versioned(loop({ start: '%s.10', guard: '0' }));
    // start - 1 and n - 1, each below 2^31 (no wrap, not negative) and below the length.
    expect(tests(out, /cultl %\S+, 2147483648$/)).toBe(2);
    expect(tests(out, /cultl %\S+, %len\.2$/)).toBe(2);
    expect([checked(out), decided(out)]).toEqual([1, 1]);
  });

  it('removes the check in place when the ranges decide everything', () => {
    const out = versioned(loop({ cmp: 'cslt', start: '1', guard: '1', len: '200', index: '%i.5' }).replace(/%n\.1$/gm, '100'));
    expect(out).not.toContain('call $panic()');
    expect([checked(out), decided(out)]).toEqual([0, 1]);
  });

  it('keeps one checked loop when the step is not positive or the index not the counter', () => {
    for (const text of [loop({ step: '0' }), loop({ index: '%n.1' }), loop({ index: '%s.10' })]) {
      expect([checked(versioned(text)), decided(versioned(text))]).toEqual([1, 0]);
    }
  });

  it('keeps one checked loop when the check reads a length loaded in the loop', () => {
    const text = loop().replace('  %len.2 =l invariant loadl %a.0\n', '').replace('  %d.11 =w sub', '  %len.2 =l invariant loadl %a.0\n  %d.11 =w sub');
    expect([checked(versioned(text)), decided(versioned(text))]).toEqual([1, 0]);
  });

  it('does not copy a versioned loop again', () => {
    const once = run(loop(), versionLoops, simplifyCfg);
    expect(run(once, versionLoops, simplifyCfg)).toBe(once);
  });
});
