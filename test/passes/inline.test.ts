// inline: direct calls of small functions become copies of their bodies
// (callees first), the result flows into the rest of the caller (a phi for
// several returns), and what must stay a call stays one: recursion, large
// callees, frame-address readers, asm defining labels, panic paths.
import { describe, expect, it } from 'vitest';
import { inlineModule } from '../../compiler/passes/inline.js';
import { body, runModule } from './helpers.js';

const inline = (text: string): Record<string, string> => runModule(text, inlineModule);

const calls = (printed: string): string[] => body(printed).filter((l) => /(^|=[wlsd] )call /.test(l));

describe('inline', () => {
  it('copies a small callee, its parameters replaced by the arguments and its result by the returned value', () => {
    const out = inline(`
function w $twice(w %x.0) {
@s.0
  %y.1 =w add %x.0, %x.0
  ret %y.1
}
function w $f(w %p.0) {
@s.0
  %a.1 =w call $twice(%p.0)
  %b.2 =w add %a.1, 1
  ret %b.2
}`);
    expect(calls(out.f)).toEqual([]);
    const lines = body(out.f);
    const add = lines.find((l) => l.includes('add %p.0, %p.0'));
    expect(add).toBeDefined();
    const copied = /^(%\S+) =w add %p\.0, %p\.0$/.exec(add!)![1];
    expect(lines).toContain(`%b.2 =w add ${copied}, 1`);
    // The callee itself is unchanged.
    expect(calls(out.twice)).toEqual([]);
  });

  it('joins several returns in a phi that keeps the call result temp', () => {
    const out = inline(`
function w $abs(w %x.0) {
@s.0
  %c.1 =w csltw %x.0, 0
  jnz %c.1, @neg.1, @pos.2
@neg.1
  %n.2 =w neg %x.0
  ret %n.2
@pos.2
  ret %x.0
}
function w $f(w %p.0) {
@s.0
  %a.1 =w call $abs(%p.0)
  ret %a.1
}`);
    expect(calls(out.f)).toEqual([]);
    expect(body(out.f).some((l) => /^%a\.1 =w phi @neg\.\d+ %n\.\d+, @pos\.\d+ %p\.0$/.test(l))).toBe(true);
  });

  it('inlines callees first, so a chain of small functions collapses', () => {
    const out = inline(`
function w $inc(w %x.0) {
@s.0
  %y.1 =w add %x.0, 1
  ret %y.1
}
function w $inc2(w %x.0) {
@s.0
  %a.1 =w call $inc(%x.0)
  %b.2 =w call $inc(%a.1)
  ret %b.2
}
function w $f(w %p.0) {
@s.0
  %a.1 =w call $inc2(%p.0)
  ret %a.1
}`);
    expect(calls(out.inc2)).toEqual([]);
    expect(calls(out.f)).toEqual([]);
    expect(body(out.f).filter((l) => l.includes('add')).length).toBe(2);
  });

  it('leaves recursive functions, frame-address readers and asm with labels as calls', () => {
    const out = inline(`
function w $rec(w %x.0) {
@s.0
  %c.1 =w csltw %x.0, 1
  jnz %c.1, @done.1, @more.2
@done.1
  ret 0
@more.2
  %y.2 =w sub %x.0, 1
  %r.3 =w call $rec(%y.2)
  ret %r.3
}
function l $fp() {
@s.0
  %a.1 =l frameaddr
  ret %a.1
}
function $spin() {
@s.0
  asm "1: pause\\njmp 1b" []
  ret
}
function w $f(w %p.0) {
@s.0
  %a.1 =w call $rec(%p.0)
  %b.2 =l call $fp()
  call $spin()
  ret %a.1
}`);
    expect(calls(out.f)).toEqual(['%a.1 =w call $rec(%p.0)', '%b.2 =l call $fp()', 'call $spin()']);
  });

  it('keeps calls in panic paths and calls of large functions', () => {
    const big = Array.from({ length: 70 }, (_, n) => `  %t${n}.${n + 1} =w add %x.0, ${n}`).join('\n');
    const out = inline(`
function w $big(w %x.0) {
@s.0
${big}
  ret %t69.70
}
function $fail() {
@s.0
  ret
}
function w $f(w %p.0) {
@s.0
  %a.1 =w call $big(%p.0)
  %c.2 =w csltw %a.1, 0
  jnz %c.2, @bad.1, @ok.2
@bad.1
  call $fail()
  unreachable
@ok.2
  ret %a.1
}`);
    expect(calls(out.f)).toEqual(['%a.1 =w call $big(%p.0)', 'call $fail()']);
  });

  it('inlines a callee that never returns, leaving the rest of the caller unreachable', () => {
    const out = inline(`
function w $stop(w %x.0) {
@s.0
  %e.1 =l syscall 60, 1
  unreachable
}
function w $f(w %p.0) {
@s.0
  %a.1 =w call $stop(%p.0)
  %b.2 =w add %a.1, 1
  ret %b.2
}`);
    expect(calls(out.f)).toEqual([]);
    expect(body(out.f)).toContain('%b.2 =w add 0, 1');
  });
});
