// The IR text parser (round trip with the printer, error reporting) and the
// verifier's rejection of broken IR.
import { describe, it, expect } from 'vitest';
import { parseModule, IrParseError } from '../../compiler/ir/parse.js';
import { printModule } from '../../compiler/ir/print.js';
import { verifyModule } from '../../compiler/ir/verify.js';
import { constFloat, constant, fconst, newBlock, newFunc, newTemp, sym } from '../../compiler/ir/ir.js';
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
  alias:#w1 storeb %v.8, %d.9
  %q.10 =w volatile alias:Node.val loadub %d.9
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

  it('rejects an alias class on an instruction that is not a load or a store', () => {
    check(fn('@s.0\n  %x.2 =l alias:Node.next loadl %a.0\n  ret %x.2'), fn('@s.0\n  %x.2 =l alias:Node.next add %a.0, 1\n  ret %x.2'), /only loads and stores carry an alias class/);
  });
});

describe('IR text: floats', () => {
  const FLOATS = `init $f

function d $f(d %a.0, s %b.1, l %c.2) {
@entry.0
  %x.3 =d add %a.0, d_1.5
  %y.4 =d mul d_0.1, %x.3
  %z.5 =d div %y.4, d_-0
  %n.6 =d neg %z.5
  %e.7 =d exts %b.1
  %t.8 =s truncd %a.0
  %s.9 =s sub %t.8, s_0.25
  %i.10 =w dtosi %a.0
  %j.11 =l stosi %b.1
  %k.12 =d sltof %c.2
  %u.13 =s uwtof %i.10
  %v.14 =d ultof %j.11
  %w.15 =s swtof %i.10
  %p.16 =d cast %c.2
  %q.17 =l cast %p.16
  %g.18 =w cast %s.9
  %h.19 =s cast %g.18
  %m.20 =l alloc 16, 8
  stored d_inf, %m.20
  stores s_-inf, %m.20
  volatile stored d_nan, %m.20
  %l.21 =d loadd %m.20
  %r.22 =s loads %m.20
  %c1.23 =w cltd %a.0, d_5e-324
  %c2.24 =w cges %b.1, s_1e-45
  %c3.25 =w ceqd %l.21, d_0x7ff0000000000001
  %c4.26 =w cnes %r.22, s_0xffc00000
  %c5.27 =w cled d_2.2250738585072014e-308, d_1.7976931348623157e+308
  %c6.28 =w cgts s_0.1, s_16777216
  %o.29 =d call $f(d_-1e-300, s_3.4028235e+38, 0)
  jnz %c1.23, @a.1, @b.2
@a.1
  jmp @b.2
@b.2
  %ph.30 =d phi @entry.0 d_0.30000000000000004, @a.1 %o.29
  %cp.31 =d copy %ph.30
  ret %cp.31
}
`;

  it('round-trips float constants exactly: NaN payloads, infinities, -0, denormals, 0.1, f32 values', () => {
    const m = parseModule(FLOATS);
    expect(verifyModule(m)).toEqual([]);
    expect(printModule(m)).toBe(FLOATS);
    const k = (text: string) => {
      const f = parseModule(`function $g() {\n@s.0\n  %x.1 =${text[0]} copy ${text}\n  ret\n}\n`).funcs[0];
      return f.blocks[0].instrs[0].args[0] as { value: bigint; float?: string };
    };
    expect(k('d_-0').value).toBe(0x8000000000000000n);
    expect(k('d_nan').value).toBe(0x7ff8000000000000n);
    expect(k('s_nan').value).toBe(0x7fc00000n);
    expect(k('d_0x7ff0000000000001').value).toBe(0x7ff0000000000001n);
    expect(k('d_5e-324').value).toBe(1n);
    expect(k('s_1e-45').value).toBe(1n);
    expect(k('d_0.1').value).toBe(0x3fb999999999999an);
    expect(k('s_0.1').value).toBe(0x3dcccccdn);
    expect(k('s_16777217').value).toBe(0x4b800000n); // rounds to 16777216
    expect(k('d_inf').value).toBe(0x7ff0000000000000n);
    expect(k('s_-inf').value).toBe(0xff800000n);
    // Every bit pattern in a sample prints to text that parses back to it.
    const gen = (seed: bigint, width: bigint): bigint[] =>
      Array.from({ length: 300 }, (_, n) => BigInt.asUintN(Number(width), (seed * BigInt(n * n + 7) * 0x9e3779b97f4a7c15n) >> 3n));
    const roundTrip = (c: 's' | 'd', bits: bigint): void => {
      const v = { kind: 'const' as const, value: bits, float: c };
      const text = printModule({ init: 'g', data: [], funcs: [{ name: 'g', params: [], ret: null, exported: false, nextTemp: 2, nextBlock: 1,
        blocks: [{ id: 0, label: 's', phis: [], term: { kind: 'ret', value: null },
          instrs: [{ op: 'copy', cls: c, dst: { kind: 'temp', id: 1, cls: c, hint: 'x' }, args: [v] }] }] }] });
      expect(printModule(parseModule(text))).toBe(text);
      expect((parseModule(text).funcs[0].blocks[0].instrs[0].args[0] as { value: bigint }).value).toBe(bits);
    };
    for (const b of [...gen(3n, 64n), 0n, 1n, 0x000fffffffffffffn, 0x7fefffffffffffffn, 0xfff0000000000001n]) roundTrip('d', b);
    for (const b of [...gen(5n, 32n), 0n, 1n, 0x007fffffn, 0x7f7fffffn, 0xff800001n, 0x80000001n]) roundTrip('s', b);
  });

  it('builds float constants with fconst and reads them with constFloat', () => {
    const k = fconst(-0, 'd');
    expect(k).toEqual({ kind: 'const', value: 0x8000000000000000n, float: 'd' });
    expect(Object.is(constFloat(k as Parameters<typeof constFloat>[0]), -0)).toBe(true);
    expect(constFloat(fconst(0.1, 's') as Parameters<typeof constFloat>[0])).toBe(Math.fround(0.1));
  });

  it('rejects bad float constants', () => {
    expect(() => parseModule('function $g() {\n@s.0\n  %x.1 =d copy d_1.2.3\n  ret\n}\n')).toThrow(/bad float constant 'd_1.2.3'/);
    expect(() => parseModule('function $g() {\n@s.0\n  %x.1 =s copy s_0x100000000\n  ret\n}\n')).toThrow(/wider than 32 bits/);
    expect(() => parseModule('function $g() {\n@s.0\n  %x.1 =d copy d_0x10\n  ret\n}\n')).not.toThrow();
  });
});

describe('IR verifier: floats', () => {
  const errs = (body: string): string =>
    verifyModule(parseModule(`function d $f(d %a.0, s %b.1, l %c.2, w %i.3) {\n@s.0\n${body}\n}\n`)).join('\n');
  it('accepts float code and rejects class mistakes', () => {
    expect(errs('  %x.4 =d add %a.0, d_1\n  ret %x.4')).toBe('');
    expect(errs('  %x.4 =d add %a.0, 1\n  ret %x.4')).toMatch(/integer constant 1 used as a d value/);
    expect(errs('  %x.4 =d add %a.0, s_1\n  ret %x.4')).toMatch(/float constant s_1 used as a d value/);
    expect(errs('  %x.4 =l add %c.2, d_1\n  ret %a.0')).toMatch(/float constant d_1 used as a l value/);
    expect(errs('  %x.4 =d add %a.0, %b.1\n  ret %x.4')).toMatch(/operand %\.1 is s, expected d/);
    expect(errs('  %x.4 =d and %a.0, %a.0\n  ret %x.4')).toMatch(/and cannot have class d/);
    expect(errs('  %x.4 =l div %c.2, %c.2\n  ret %a.0')).toMatch(/div cannot have class l/);
    expect(errs('  %x.4 =w csltd %a.0, %a.0\n  ret %a.0')).toMatch(/cslt cannot compare class d/);
    expect(errs('  %x.4 =w cltl %c.2, %c.2\n  ret %a.0')).toMatch(/clt cannot compare class l/);
    expect(errs('  %x.4 =d cast %i.3\n  ret %x.4')).toMatch(/operand %\.3 is w, expected l/);
    expect(errs('  %x.4 =s cast %i.3\n  %y.5 =d exts %x.4\n  ret %y.5')).toBe('');
    expect(errs('  %x.4 =d swtof %c.2\n  ret %x.4')).toMatch(/operand %\.2 is l, expected w/);
    expect(errs('  %x.4 =w dtosi %b.1\n  ret %a.0')).toMatch(/operand %\.1 is s, expected d/);
    expect(errs('  %x.4 =d dtosi %a.0\n  ret %a.0')).toMatch(/dtosi cannot have class d/);
    expect(errs('  %x.4 =l syscall 1, %a.0\n  ret %a.0')).toMatch(/operand 2 must be an integer/);
    expect(errs('  %x.4 =l extsw %b.1\n  ret %a.0')).toMatch(/operand 1 must be an integer/);
    expect(errs('  stored %b.1, %c.2\n  ret %a.0')).toMatch(/operand %\.1 is s, expected d/);
    expect(errs('  %x.4 =d loads %c.2\n  ret %a.0')).toMatch(/loads cannot have class d/);
    expect(errs('  jnz %a.0, @t.1, @t.1\n@t.1\n  ret %a.0')).toMatch(/operand %\.0 is d, expected w/);
    expect(errs('  ret %b.1')).toMatch(/operand %\.1 is s, expected d/);
    expect(errs('  %x.4 =d copy $sym\n  ret %x.4')).toMatch(/symbol \$sym used as a d value/);
  });
});
