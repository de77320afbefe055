// The IR text parser (round trip with the printer, error reporting) and the
// verifier's rejection of broken IR.
import { describe, it, expect } from 'vitest';
import { parseModule, IrParseError } from '../../compiler/ir/parse.js';
import { printModule } from '../../compiler/ir/print.js';
import { verifyModule } from '../../compiler/ir/verify.js';
import { constant, newBlock, newFunc, newTemp, sym } from '../../compiler/ir/ir.js';
import type { Module } from '../../compiler/ir/ir.js';
import { PRELUDE } from './run.js';

const SAMPLE = `init $start

export data $tbl = rodata align 8 { l $start, b "a\\tb\\"cé", h -2, w 4294967295, z 3, b 7 }

data $buf = bss align 16 { z 64 }

export function w $start(w %a.0, l %.1) {
@entry.0
  %x.y.2 =l extsw %a.0
  %c.3 =w csltl %x.y.2, %.1
  jnz %c.3, @.1, @loop.2
@.1
  volatile storeh -1, $buf
  call $side()
  %r.4 =l call %.1(1, $tbl, %x.y.2)
  %p.5 =l syscall 60, 0
  outb 128, %a.0
  %i.6 =w inb 96
  hlt
  unreachable
@loop.2
  %v.7 =w phi @entry.0 %a.0, @loop.2 %v.8
  %v.8 =w sub %v.7, 1
  %d.9 =l alloc 16, 8
  storeb %v.8, %d.9
  %q.10 =w loadub %d.9
  jnz %v.8, @loop.2, @out.3
@out.3
  ret %q.10
}

function $side() {
@s.0
  ret
}
`;

describe('IR text', () => {
  it('parses what the printer prints and prints it back identically', () => {
    const m = parseModule(SAMPLE);
    expect(printModule(m)).toBe(SAMPLE);
    expect(verifyModule(m)).toEqual([]);
    expect(m.init).toBe('start');
    const f = m.funcs[0];
    expect(f.nextTemp).toBe(11);
    expect(f.nextBlock).toBe(4);
    expect(f.blocks[0].instrs[0].dst?.hint).toBe('x.y');
    const prelude = parseModule(`init $main\n${PRELUDE}`);
    const once = printModule(prelude);
    expect(printModule(parseModule(once))).toBe(once);
  });

  it('round-trips a module built with the IR API (init defaults to main)', () => {
    const f = newFunc('f', 'l', false);
    const b0 = newBlock(f, 'entry');
    const b1 = newBlock(f, 'next');
    const p = newTemp(f, 'l', 'p');
    f.params.push(p);
    const t = newTemp(f, 'l');
    b0.instrs.push({ op: 'add', cls: 'l', dst: t, args: [p, constant(-5)] });
    const c = newTemp(f, 'w', 'c');
    b0.instrs.push({ op: 'cule', cls: 'w', argCls: 'l', dst: c, args: [t, sym('g')] });
    b0.term = { kind: 'jnz', cond: c, ifTrue: b1, ifFalse: b1 };
    b1.term = { kind: 'ret', value: t };
    const m: Module = { funcs: [f], data: [{ name: 'g', section: 'data', align: 4, items: [{ kind: 'int', size: 4, value: 9n }], exported: false }], init: 'main' };
    const text = printModule(m);
    expect(text.startsWith('init $main\n')).toBe(true);
    const back = parseModule(text.replace('init $main\n', ''));
    expect(back.init).toBe('main');
    expect(printModule(back)).toBe(text);
  });

  it('reports errors with line numbers', () => {
    const bad = (text: string, msg: RegExp, line: number): void => {
      let err: unknown;
      try { parseModule(text); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(IrParseError);
      expect((err as IrParseError).line).toBe(line);
      expect((err as Error).message).toMatch(msg);
    };
    bad('function $f() {\n@a.0\n  %x.1 =w frob 1, 2\n  ret\n}\n', /unknown op 'frob'/, 3);
    bad('function $f() {\n@a.0\n  jmp @b.1\n}\n', /@b.1 is referenced but never defined/, 3);
    bad('function $f() {\n@a.0\n  %x.1 =w add 1, 2\n}\n', /has no terminator/, 4);
    bad('function $f() {\n@a.0\n  %x =w add 1, 2\n  ret\n}\n', /needs a '\.N' number suffix/, 3);
    bad('data $d = rodata align 8 { q 1 }\n', /bad data item/, 1);
    bad('function $f() {\n@a.0\n  %x.1 =q add 1, 2\n  ret\n}\n', /expected a class/, 3);
    bad('\n\nbogus\n', /expected 'function', 'data' or 'init'/, 3);
    bad('function $f() {\n@a.0\n  ret\n', /not closed/, 4);
  });
});

describe('IR verifier', () => {
  const check = (good: string, bad: string, msg: RegExp): void => {
    expect(verifyModule(parseModule(good))).toEqual([]);
    const errors = verifyModule(parseModule(bad));
    expect(errors.join('\n')).toMatch(msg);
  };
  const fn = (body: string): string => `function l $f(l %a.0, w %b.1) {\n${body}\n}\n`;

  it('rejects a use of an undefined temp', () => {
    check(fn('@s.0\n  %x.2 =l add %a.0, 1\n  ret %x.2'), fn('@s.0\n  %x.2 =l add %.9, 1\n  ret %x.2'), /%\.9 is used but never defined/);
  });

  it('rejects a use its definition does not dominate', () => {
    const body = (use: string): string => `@s.0\n  jnz %b.1, @t.1, @e.2\n@t.1\n  %x.3 =l add %a.0, 1\n  jmp @j.3\n@e.2\n  jmp @j.3\n@j.3\n  ret ${use}`;
    check(fn(body('%a.0')), fn(body('%x.3')), /%\.3 is used where its definition does not dominate/);
  });

  it('rejects a phi whose operands do not match the predecessors', () => {
    const body = (args: string): string => `@s.0\n  jnz %b.1, @t.1, @e.2\n@t.1\n  jmp @j.3\n@e.2\n  jmp @j.3\n@j.3\n  %p.4 =l phi ${args}\n  ret %p.4`;
    check(fn(body('@t.1 1, @e.2 %a.0')), fn(body('@t.1 1')), /has 1 operands for 2 predecessors/);
  });

  it('rejects operands of the wrong class', () => {
    check(fn('@s.0\n  %x.2 =w add %b.1, 1\n  ret %a.0'), fn('@s.0\n  %x.2 =w add %a.0, 1\n  ret %a.0'), /operand %\.0 is l, expected w/);
  });
});
