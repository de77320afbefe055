// split: a recursive function's cheap base case stays in the function and
// the recursing side moves to `NAME.cold`, called with what it needs; every
// shape the pass must not touch is left alone.
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../compiler/ir/parse.js';
import { printFunc } from '../../compiler/ir/print.js';
import { splitModule } from '../../compiler/passes/split.js';
import { body, runModule } from './helpers.js';

const split = (text: string): Record<string, string> => runModule(text, splitModule);

/**
 * permute(this, n): count++, then if n != 0 recurse with n - 1, keeping
 * this, n1 and the loop counter live across the calls. ENTRY_EXTRA goes in
 * the entry block, BASE in the base case, BODY_CALL is the recursive call.
 */
const permute = (o: { entryExtra?: string; base?: string; call?: string; live?: boolean } = {}): string => `
function $permute(l %this.0, w %n.1) {
@entry.0
  %c.2 =w loadsw %this.0
  %d.3 =w add %c.2, 1
  storew %d.3, %this.0
${o.entryExtra ?? ''}
  %z.4 =w ceqw %n.1, 0
  jnz %z.4, @base.1, @rec.2
@base.1
${o.base ?? ''}
  ret
@rec.2
  %n1.5 =w sub %n.1, 1
  ${o.call ?? 'call $permute(%this.0, %n1.5)'}
  jmp @head.3
@head.3
  %i.6 =w phi @rec.2 %n1.5, @head.3 %j.7
  call $permute(%this.0, %n1.5)
  %j.7 =w sub %i.6, 1
  %k.8 =w csgew %j.7, ${o.live === false ? '0' : '%n1.5'}
  jnz %k.8, @head.3, @base.1
}
function $other() {
@s.0
  ret
}`;

describe('split', () => {
  it('keeps the base case and calls NAME.cold with the parameters it reads', () => {
    const out = split(permute());
    expect(Object.keys(out)).toEqual(['permute', 'permute.cold', 'other']);
    const f = body(out.permute);
    expect(f).toContain('jnz %z.4, @base.1, @cold.4');
    expect(f).toContain('call $permute.cold(%this.0, %n.1)');
    expect(f.filter((l) => l.includes('call'))).toHaveLength(1);
    const cold = out['permute.cold'];
    expect(cold.split('\n')[0]).toBe('function $permute.cold(l %this.0, w %n.1) {');
    expect(body(cold)).toContain('call $permute(%this.0, %n1.5)');
    // The shared return block is copied: the loop's exit still returns.
    expect(body(cold)).toContain('ret');
    expect(body(cold)).not.toContain('storew %d.3, %this.0');
  });

  it('passes a value the entry computes, after the parameters', () => {
    const out = split(permute({ entryExtra: '  %m.9 =w mul %n.1, 3', call: 'call $permute(%this.0, %m.9)' }));
    expect(body(out.permute)).toContain('call $permute.cold(%this.0, %n.1, %m.9)');
  });

  it('splits a function whose base case ends in a call, with nothing kept across it', () => {
    const out = split(permute({ base: '  call $other()' }));
    expect(Object.keys(out)).toEqual(['permute', 'permute.cold', 'other']);
    expect(body(out.permute)).toContain('call $other()');
  });

  it('leaves a function whose base case keeps a value across a call', () => {
    const out = split(permute({ base: '  call $other()\n  storew %n.1, %this.0' }));
    expect(Object.keys(out)).toEqual(['permute', 'other']);
  });

  it('leaves a function whose entry calls', () => {
    const out = split(permute({ entryExtra: '  call $other()' }));
    expect(Object.keys(out)).toEqual(['permute', 'other']);
  });

  it('leaves a function that does not recurse', () => {
    const out = split(permute({ call: 'call $other()' }).replace('  call $permute(%this.0, %n1.5)\n  %j.7', '  call $other()\n  %j.7'));
    expect(Object.keys(out)).toEqual(['permute', 'other']);
  });

  it('leaves a recursion that keeps fewer than three values across its calls', () => {
    const out = split(`
function w $check(l %t.0) {
@entry.0
  %l.1 =l loadl %t.0
  %z.2 =w ceql %l.1, 0
  jnz %z.2, @leaf.1, @node.2
@leaf.1
  ret 1
@node.2
  %a.3 =w call $check(%l.1)
  %b.4 =w call $check(%l.1)
  %s.5 =w add %a.3, %b.4
  ret %s.5
}`);
    expect(Object.keys(out)).toEqual(['check']);
  });

  it('leaves functions with asm or a frame read, and a second run changes nothing', () => {
    const asm = permute({ base: '  asm "nop" []' });
    expect(Object.keys(split(asm))).toEqual(['permute', 'other']);
    const m = parseModule(permute());
    splitModule(m);
    const once = m.funcs.map(printFunc).join('\n');
    splitModule(m);
    expect(m.funcs.map(printFunc).join('\n')).toBe(once);
  });
});
