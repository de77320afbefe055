// Floating point (classes s and d, SSE2) run natively and checked against a
// JavaScript oracle: arithmetic, negation, comparisons with NaN (materialised
// and fused into branches), conversions both ways, calls mixing integer and
// float arguments (registers and the stack), spills across calls, register
// pressure, loads and stores; and the folding in compiler/ir/fold.ts against
// what the machine computes.
import { describe, it, expect } from 'vitest';
import { FProgram, fc, fexpect } from './fgen.js';
import type { Expect, FCls, RCls } from './fgen.js';
import { bitsFloat, floatBits } from '../../compiler/ir/ir.js';
import type { Instr } from '../../compiler/ir/ir.js';
import { parseModule } from '../../compiler/ir/parse.js';
import { foldInstr } from '../../compiler/ir/fold.js';
import { printValue } from '../../compiler/ir/print.js';

const D_VALUES = [0, -0, 1, -1, 1.5, -2.25, 0.1, 1 / 3, 3, 1e308, -1e308, 5e-324, 2.2250738585072014e-308, Infinity, -Infinity, NaN, 123456.789];
const S_VALUES = [0, -0, 1, -1, 1.5, -2.25, 0.1, 1 / 3, 3, 3e38, -3e38, 1e-45, 1.1754943508222875e-38, Infinity, -Infinity, NaN, 16777216];
const valuesOf = (c: FCls): number[] => (c === 'd' ? D_VALUES : S_VALUES.map(Math.fround));
const CONSTS = [0, -0, 1.5, 0.1, NaN];

const JUNK = 0xdead_beefn << 32n;
const R = (x: number, c: FCls): number => (c === 's' ? Math.fround(x) : x);
const ARITH: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
};

function binFunc(name: string, op: string, c: FCls, form: 'rr' | 'ri' | 'ir', k?: string): string {
  const params = form === 'rr' ? `${c} %a.0, ${c} %b.1` : `${c} %a.0`;
  const [x, y] = form === 'rr' ? ['%a.0', '%b.1'] : form === 'ri' ? ['%a.0', k!] : [k!, '%a.0'];
  return `function ${c} $${name}(${params}) {\n@start.0\n  %r.2 =${c} ${op} ${x}, ${y}\n  ret %r.2\n}`;
}

describe('float arithmetic', () => {
  for (const c of ['d', 's'] as FCls[]) {
    it(`add, sub, mul, div in class ${c}: registers, constants on either side, NaN and infinities`, () => {
      const p = new FProgram();
      const vals = valuesOf(c);
      for (const op of Object.keys(ARITH)) {
        const f = ARITH[op];
        p.func(binFunc(`${op}_rr`, op, c, 'rr'));
        p.calls(`${op}_rr`, c, vals.flatMap((x) => vals.map((y) => ({ args: [fc(x, c), fc(y, c)], expect: fexpect(R(f(x, y), c), c) }))));
        CONSTS.forEach((kv, n) => {
          const k = R(kv, c);
          p.func(binFunc(`${op}_ri${n}`, op, c, 'ri', fc(k, c)));
          p.func(binFunc(`${op}_ir${n}`, op, c, 'ir', fc(k, c)));
          p.calls(`${op}_ri${n}`, c, vals.map((x) => ({ args: [fc(x, c)], expect: fexpect(R(f(x, k), c), c) })));
          p.calls(`${op}_ir${n}`, c, vals.map((x) => ({ args: [fc(x, c)], expect: fexpect(R(f(k, x), c), c) })));
        });
      }
      p.run();
    });
  }

  it('rounds f32 arithmetic to f32 (16777216 + 1 stays 16777216; 0.1f + 0.2f)', () => {
    const p = new FProgram();
    p.func(binFunc('adds', 'add', 's', 'rr'));
    p.func(binFunc('addd', 'add', 'd', 'rr'));
    p.calls('adds', 's', [
      { args: ['s_16777216', 's_1'], expect: fexpect(16777216, 's') },
      { args: ['s_16777216', 's_3'], expect: fexpect(16777220, 's') },
      { args: ['s_0.1', 's_0.2'], expect: fexpect(Math.fround(Math.fround(0.1) + Math.fround(0.2)), 's') },
    ]);
    p.calls('addd', 'd', [
      { args: ['d_16777216', 'd_1'], expect: fexpect(16777217, 'd') },
      { args: ['d_0.1', 'd_0.2'], expect: fexpect(0.1 + 0.2, 'd') },
    ]);
    p.run();
  });

  it('negates by flipping the sign bit: -0.0, +0.0, infinities and NaN', () => {
    const p = new FProgram();
    for (const c of ['d', 's'] as FCls[]) {
      const sign = c === 'd' ? 0x8000000000000000n : 0x80000000n;
      const asPrinted = (bits: bigint): bigint => (c === 'd' ? BigInt.asIntN(64, bits) : bits);
      p.func(`function ${c} $neg_${c}(${c} %a.0) {\n@start.0\n  %r.1 =${c} neg %a.0\n  ret %r.1\n}`);
      p.calls(`neg_${c}`, c, [...valuesOf(c).filter((x) => !Number.isNaN(x)), NaN].map((x) => ({
        args: [fc(x, c)], expect: asPrinted(floatBits(x, c) ^ sign),
      })));
      // Negating a constant, and zero minus x (which is +0.0 for x = +0.0, unlike neg).
      p.func(`function ${c} $negk_${c}() {\n@start.0\n  %r.1 =${c} neg ${c}_0\n  ret %r.1\n}`);
      p.calls(`negk_${c}`, c, [{ args: [], expect: fexpect(-0, c) }]);
      p.func(`function ${c} $zsub_${c}(${c} %a.0) {\n@start.0\n  %r.1 =${c} sub ${c}_0, %a.0\n  ret %r.1\n}`);
      p.calls(`zsub_${c}`, c, [{ args: [`${c}_0`], expect: fexpect(0, c) }, { args: [`${c}_-0`], expect: fexpect(0, c) }]);
    }
    p.run();
  });
});

const CMP: Record<string, (a: number, b: number) => boolean> = {
  ceq: (a, b) => a === b,
  cne: (a, b) => a !== b,
  clt: (a, b) => a < b,
  cle: (a, b) => a <= b,
  cgt: (a, b) => a > b,
  cge: (a, b) => a >= b,
};
const CMP_VALUES = [0, -0, 1, -1, 1.5, Infinity, -Infinity, NaN, 5e-324];

describe('float comparisons', () => {
  for (const c of ['d', 's'] as FCls[]) {
    it(`every comparison in class ${c} with NaN, ±0 and infinities: setcc and fused branches`, () => {
      const p = new FProgram();
      const vals = CMP_VALUES.map((x) => R(x, c));
      for (const op of Object.keys(CMP)) {
        const f = CMP[op];
        const bodies = (x: string, y: string): { mat: string; jmp: string } => ({
          mat: `  %r.2 =w ${op}${c} ${x}, ${y}\n  ret %r.2`,
          jmp: `  %r.2 =w ${op}${c} ${x}, ${y}\n  jnz %r.2, @yes.1, @no.2\n@yes.1\n  ret 1\n@no.2\n  ret 0`,
        });
        for (const form of ['mat', 'jmp'] as const) {
          const rr = `${op}_${form}_rr`;
          p.func(`function w $${rr}(${c} %a.0, ${c} %b.1) {\n@start.0\n${bodies('%a.0', '%b.1')[form]}\n}`);
          p.calls(rr, 'w', vals.flatMap((x) => vals.map((y) => ({ args: [fc(x, c), fc(y, c)], expect: f(x, y) ? 1n : 0n }))));
          [1.5, 0, NaN].forEach((k, n) => {
            const ri = `${op}_${form}_ri${n}`;
            const ir = `${op}_${form}_ir${n}`;
            p.func(`function w $${ri}(${c} %a.0) {\n@start.0\n${bodies('%a.0', fc(k, c))[form]}\n}`);
            p.func(`function w $${ir}(${c} %a.0) {\n@start.0\n${bodies(fc(k, c), '%a.0')[form]}\n}`);
            p.calls(ri, 'w', vals.map((x) => ({ args: [fc(x, c)], expect: f(x, k) ? 1n : 0n })));
            p.calls(ir, 'w', vals.map((x) => ({ args: [fc(x, c)], expect: f(k, x) ? 1n : 0n })));
          });
        }
      }
      // A comparison used twice (materialised and branched on).
      p.func(`function w $twice(${c} %a.0, ${c} %b.1) {\n@start.0\n  %r.2 =w cne${c} %a.0, %b.1\n  jnz %r.2, @yes.1, @no.2\n@yes.1\n  %s.3 =w add %r.2, 10\n  ret %s.3\n@no.2\n  ret %r.2\n}`);
      p.calls('twice', 'w', [
        { args: [fc(NaN, c), fc(NaN, c)], expect: 11n },
        { args: [fc(1, c), fc(1, c)], expect: 0n },
        { args: [fc(1, c), fc(2, c)], expect: 11n },
      ]);
      p.run();
    });
  }
});

/** The f32 nearest to the integer v (ties to even), found independently of fold.ts. */
function nearestF32(v: bigint): number {
  const f = Math.fround(Number(v));
  if (v > -(2n ** 53n) && v < 2n ** 53n) return f; // Number(v) is exact: one rounding
  const bits = floatBits(f, 's');
  const cands = [f, bitsFloat(bits + 1n, 's'), bitsFloat(bits - 1n, 's')].filter((x) => Number.isFinite(x));
  const dist = (x: number): bigint => (BigInt(x) > v ? BigInt(x) - v : v - BigInt(x));
  cands.sort((a, b) => {
    const d = dist(a) - dist(b);
    if (d !== 0n) return d < 0n ? -1 : 1;
    return Number(floatBits(a, 's') & 1n) - Number(floatBits(b, 's') & 1n);
  });
  return cands[0];
}
const toFloat = (v: bigint, c: FCls): number => (c === 'd' ? Number(v) : nearestF32(v));

const SW = [0n, 1n, -1n, 7n, -7n, 2147483647n, -2147483648n, 16777217n, -16777217n, 16777219n, 123456789n];
const SL = [...SW, 2n ** 53n + 1n, -(2n ** 53n + 1n), 2n ** 63n - 1n, -(2n ** 63n), 2n ** 62n + 2n ** 38n + 1n, 2n ** 62n + 2n ** 38n, -(2n ** 62n + 2n ** 9n), 0x0020000000000003n];
const UW = [0n, 1n, 7n, 0x7fffffffn, 0x80000000n, 0x80000001n, 0xffffffffn, 16777217n, 0xffffff7fn];
const UL = [
  ...UW, 2n ** 64n - 1n, 2n ** 63n, 2n ** 63n + 1n, 2n ** 63n + 1024n, 2n ** 63n + 1025n, 2n ** 63n + 2048n + 1024n,
  0x8000008000000000n, 0x8000008000000001n, 0x8000018000000000n, 0xffffff7fffffffffn, 0xffffff8000000000n, 2n ** 53n + 1n, 12345n,
];
const TO_INT = [0, -0, 1.9, -1.9, 0.5, -0.5, 2147483647.9, 2147483648, -2147483648.9, -2147483649, 1e10, -1e10, 9.2e18, 9.3e18, -9.3e18, -9223372036854775808, NaN, Infinity, -Infinity, 5e-324, 16777217];

/** cvttsd2si semantics: truncate toward zero; NaN and out-of-range give the integer indefinite value. */
function truncToInt(x: number, c: 'w' | 'l'): bigint {
  const lo = c === 'w' ? -(2 ** 31) : -(2 ** 63);
  const t = Math.trunc(x);
  return Number.isNaN(t) || t < lo || t >= -lo ? BigInt(lo) : BigInt(t);
}

describe('float conversions', () => {
  it('signed and unsigned w/l integers to s and d (negative, u32 and u64 large values, rounding ties)', () => {
    const p = new FProgram();
    for (const c of ['d', 's'] as FCls[]) {
      for (const [op, src, vals, signed] of [['swtof', 'w', SW, true], ['sltof', 'l', SL, true], ['uwtof', 'w', UW, false], ['ultof', 'l', UL, false]] as const) {
        const name = `${op}_${c}`;
        // w operands arrive as l with junk in the upper half, truncated.
        const read = src === 'w' ? '  %a.1 =w trunc %p.0\n' : '';
        const a = src === 'w' ? '%a.1' : '%p.0';
        p.func(`function ${c} $${name}(l %p.0) {\n@start.0\n${read}  %r.2 =${c} ${op} ${a}\n  ret %r.2\n}`);
        p.calls(name, c, vals.map((v) => {
          const arg = src === 'w' ? BigInt.asIntN(64, BigInt.asUintN(32, v) + JUNK) : BigInt.asIntN(64, v);
          const val = src === 'w' ? (signed ? BigInt.asIntN(32, v) : BigInt.asUintN(32, v)) : signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v);
          return { args: [arg.toString()], expect: fexpect(toFloat(val, c), c) };
        }));
      }
    }
    p.run();
  });

  it('s and d to signed w and l, truncating toward zero (NaN and overflow give the integer indefinite value)', () => {
    const p = new FProgram();
    for (const c of ['d', 's'] as FCls[]) {
      for (const ic of ['w', 'l'] as const) {
        const name = `${c}tosi_${ic}`;
        p.func(`function ${ic} $${name}(${c} %a.0) {\n@start.0\n  %r.1 =${ic} ${c}tosi %a.0\n  ret %r.1\n}`);
        p.calls(name, ic, TO_INT.map((x) => ({ args: [fc(R(x, c), c)], expect: truncToInt(R(x, c), ic) })));
      }
    }
    p.run();
  });

  it('s <-> d (exts exact, truncd rounds to nearest f32: 16777217 -> 16777216, 0.1, overflow to infinity)', () => {
    const p = new FProgram();
    p.func(`function d $exts(s %a.0) {\n@start.0\n  %r.1 =d exts %a.0\n  ret %r.1\n}`);
    p.func(`function s $truncd(d %a.0) {\n@start.0\n  %r.1 =s truncd %a.0\n  ret %r.1\n}`);
    p.calls('exts', 'd', S_VALUES.map((x) => ({ args: [fc(Math.fround(x), 's')], expect: fexpect(Math.fround(x), 'd') })));
    const ds = [...D_VALUES, 16777217, 16777219, 1e39, -1e39, 1e-46, 3.4028235677973366e38, 1.401298464324817e-45 * 0.75];
    p.calls('truncd', 's', ds.map((x) => ({ args: [fc(x, 'd')], expect: fexpect(Math.fround(x), 's') })));
    p.run();
  });

  it('bit casts l <-> d and w <-> s, of temps and constants', () => {
    const p = new FProgram();
    p.func(`function d $l2d(l %a.0) {\n@start.0\n  %r.1 =d cast %a.0\n  ret %r.1\n}`);
    p.func(`function s $w2s(l %p.0) {\n@start.0\n  %a.1 =w trunc %p.0\n  %r.2 =s cast %a.1\n  ret %r.2\n}`);
    p.func(`function d $kcast() {\n@start.0\n  %r.1 =d cast 4609434218613702656\n  ret %r.1\n}`);
    p.func(`function l $kcast2() {\n@start.0\n  %r.1 =l cast d_-2.5\n  ret %r.1\n}`);
    for (const bits of [0n, 0x3ff8000000000000n, 0x8000000000000000n, 0x7ff0000000000001n, 0xfff8000000000000n, 1n]) {
      p.calls('l2d', 'd', [{ args: [BigInt.asIntN(64, bits).toString()], expect: BigInt.asIntN(64, bits) }]);
    }
    for (const bits of [0n, 0x3fc00000n, 0x80000000n, 0x7f800001n, 1n]) {
      p.calls('w2s', 's', [{ args: [BigInt.asIntN(64, bits + JUNK).toString()], expect: bits }]);
    }
    p.calls('kcast', 'd', [{ args: [], expect: fexpect(1.5, 'd') }]);
    p.calls('kcast2', 'l', [{ args: [], expect: BigInt.asIntN(64, floatBits(-2.5, 'd')) }]);
    p.run();
  });
});

/** Argument classes for the mixed-call test: 11 floats and 9 integers, interleaved. */
const MIX: RCls[] = ['d', 'l', 's', 'd', 'w', 'd', 'd', 'l', 's', 'd', 'd', 'l', 'w', 'd', 's', 'l', 'd', 'w', 'l', 'd'];
const mixValue = (k: number, c: RCls): string => (c === 'd' ? `d_${k + 0.5}` : c === 's' ? `s_${k + 0.25}` : `${1000 + k}`);
const mixExpect = (k: number, c: RCls): Expect => (c === 'd' ? fexpect(k + 0.5, 'd') : c === 's' ? fexpect(k + 0.25, 's') : BigInt(1000 + k));

describe('float calls', () => {
  it('passes mixed integer and float arguments in registers and on the stack, and returns s and d', () => {
    const p = new FProgram();
    const params = MIX.map((c, k) => `${c} %p.${k}`).join(', ');
    MIX.forEach((c, k) => p.func(`function ${c} $pick${k}(${params}) {\n@start.0\n  ret %p.${k}\n}`));
    // With constant arguments.
    const consts = MIX.map((c, k) => mixValue(k, c));
    MIX.forEach((c, k) => p.calls(`pick${k}`, c, [{ args: consts, expect: mixExpect(k, c) }]));
    // With temporaries as arguments (float temps are stored to the stack, not pushed).
    const temps = MIX.map((c, k) => {
      const t = `%a.${p.temp()}`;
      p.raw([`  ${t} =${c} copy ${mixValue(k, c)}`]);
      return t;
    });
    MIX.forEach((c, k) => p.calls(`pick${k}`, c, [{ args: temps, expect: mixExpect(k, c) }]));
    // A callee that computes with its stack-passed float parameters.
    p.func(`function d $sum(${params}) {\n@start.0\n  %s.30 =d add %p.16, %p.19\n  %t.31 =d exts %p.14\n  %u.32 =d add %s.30, %t.31\n  %i.33 =d sltof %p.18\n  %v.34 =d add %u.32, %i.33\n  ret %v.34\n}`);
    p.calls('sum', 'd', [{ args: consts, expect: fexpect(16.5 + 19.5 + 14.25 + 1018, 'd') }]);
    p.run();
  });

  it('returns float constants (+0.0 by xorps, others from .rodata) and passes them through', () => {
    const p = new FProgram();
    for (const [c, x] of [['d', 0], ['d', -0], ['d', 2.5], ['s', 0], ['s', -0], ['s', 0.1], ['d', NaN]] as [FCls, number][]) {
      const name = `k_${c}_${p.temp()}`;
      p.func(`function ${c} $${name}() {\n@start.0\n  ret ${fc(x, c)}\n}`);
      p.calls(name, c, [{ args: [], expect: Number.isNaN(x) ? BigInt.asIntN(64, 0x7ff8000000000000n) : fexpect(R(x, c), c) }]);
    }
    p.run();
  });

  it('keeps float values live across calls (spilled) and in loops with phis', () => {
    const p = new FProgram();
    p.func(`function d $id(d %a.0) {\n@start.0\n  ret %a.0\n}`);
    p.func(`function s $ids(s %a.0) {\n@start.0\n  ret %a.0\n}`);
    p.func(`function d $across(d %x.0, s %y.1) {
@start.0
  %a.2 =d mul %x.0, d_2
  %b.3 =s add %y.1, s_1
  %c.4 =d call $id(d_100)
  %t.5 =l cast %a.2
  call $print(%t.5)
  %e.6 =s call $ids(s_0.5)
  %f.7 =d add %a.2, %c.4
  %g.8 =d exts %b.3
  %h.9 =d add %f.7, %g.8
  %i.10 =d exts %e.6
  %j.11 =d add %h.9, %i.10
  ret %j.11
}`);
    p.calls('across', 'd', [{ args: ['d_1.25', 's_3'], expect: fexpect(2.5 + 100 + 4 + 0.5, 'd') }]);
    p.expected.splice(p.expected.length - 1, 0, fexpect(2.5, 'd'));
    // Sum 1..n as doubles in a loop, calling $id on the accumulator each iteration.
    p.func(`function d $loop(l %n.0) {
@start.0
  jmp @head.1
@head.1
  %i.1 =l phi @start.0 0, @body.2 %i.5
  %acc.2 =d phi @start.0 d_0, @body.2 %acc.7
  %k.3 =d phi @start.0 d_1, @body.2 %k.8
  %c.4 =w csltl %i.1, %n.0
  jnz %c.4, @body.2, @done.3
@body.2
  %i.5 =l add %i.1, 1
  %a.6 =d add %acc.2, %k.3
  %acc.7 =d call $id(%a.6)
  %k.8 =d add %k.3, d_1
  jmp @head.1
@done.3
  ret %acc.2
}`);
    p.calls('loop', 'd', [{ args: ['100'], expect: fexpect(5050, 'd') }, { args: ['0'], expect: fexpect(0, 'd') }]);
    p.run();
  });

  it('spills under register pressure: 24 live d values, 20 live s values and live integers', () => {
    const p = new FProgram();
    const n = 24;
    const lines: string[] = [];
    let t = 10;
    const vs: string[] = [];
    for (let k = 0; k < n; k++) {
      lines.push(`  %v.${t} =d mul %x.0, d_${k + 1}`);
      vs.push(`%v.${t++}`);
    }
    const ss: string[] = [];
    for (let k = 0; k < 20; k++) {
      lines.push(`  %s.${t} =s mul %y.1, s_${k + 1}`);
      ss.push(`%s.${t++}`);
    }
    const is: string[] = [];
    for (let k = 0; k < 16; k++) {
      lines.push(`  %i.${t} =l mul %z.2, ${k + 1}`);
      is.push(`%i.${t++}`);
    }
    // Consume in reverse order so every value stays live until the end; weight them to catch mix-ups.
    let acc = '%x.0';
    vs.reverse().forEach((v, k) => {
      lines.push(`  %w.${t} =d mul ${v}, d_${2 ** (k % 8)}`);
      lines.push(`  %a.${t + 1} =d add ${acc}, %w.${t}`);
      acc = `%a.${t + 1}`;
      t += 2;
    });
    ss.reverse().forEach((v) => {
      lines.push(`  %e.${t} =d exts ${v}`);
      lines.push(`  %a.${t + 1} =d add ${acc}, %e.${t}`);
      acc = `%a.${t + 1}`;
      t += 2;
    });
    is.reverse().forEach((v) => {
      lines.push(`  %e.${t} =d sltof ${v}`);
      lines.push(`  %a.${t + 1} =d add ${acc}, %e.${t}`);
      acc = `%a.${t + 1}`;
      t += 2;
    });
    p.func(`function d $pressure(d %x.0, s %y.1, l %z.2) {\n@start.0\n${lines.join('\n')}\n  ret ${acc}\n}`);
    const oracle = (x: number, y: number, z: number): number => {
      let a = x;
      const v = Array.from({ length: n }, (_, k) => x * (k + 1)).reverse();
      v.forEach((w, k) => (a += w * 2 ** (k % 8)));
      Array.from({ length: 20 }, (_, k) => Math.fround(y * (k + 1))).reverse().forEach((s) => (a += s));
      Array.from({ length: 16 }, (_, k) => z * (k + 1)).reverse().forEach((i) => (a += i));
      return a;
    };
    p.calls('pressure', 'd', [
      { args: ['d_1.5', 's_0.25', '3'], expect: fexpect(oracle(1.5, 0.25, 3), 'd') },
      { args: ['d_0.1', 's_0.1', '-7'], expect: fexpect(oracle(0.1, Math.fround(0.1), -7), 'd') },
    ]);
    p.run();
  });
});

describe('float memory', () => {
  it('loads and stores s and d through alloc slots, data and bss, constants included', () => {
    const p = new FProgram();
    p.addData(`data $fdata = data align 8 { l ${BigInt.asIntN(64, floatBits(1.5, 'd'))}, w ${floatBits(-2.25, 's')}, w 0 }`);
    p.addData(`data $fbss = bss align 8 { z 16 }`);
    p.func(`function d $mem(d %x.0, s %y.1) {
@start.0
  %p.2 =l alloc 16, 8
  stored %x.0, %p.2
  %q.3 =l add %p.2, 8
  stores %y.1, %q.3
  %a.4 =d loadd %p.2
  %b.5 =s loads %q.3
  %c.6 =d loadd $fdata
  %r.7 =l add $fdata, 8
  %d.8 =s loads %r.7
  %s.9 =d add %a.4, %c.6
  %e.10 =d exts %b.5
  %f.11 =d add %s.9, %e.10
  %g.12 =d exts %d.8
  %h.13 =d add %f.11, %g.12
  stored %h.13, $fbss
  volatile stored d_0.125, %p.2
  %i.14 =d loadd %p.2
  %j.15 =d loadd $fbss
  %k.16 =d add %i.14, %j.15
  stores s_-0, $fbss
  %m.17 =w loadsw $fbss
  %n.18 =d swtof %m.17
  %o.19 =d add %k.16, %n.18
  ret %o.19
}`);
    // -0.0f stored as bits 0x80000000 reads back as the integer -2147483648.
    p.calls('mem', 'd', [{ args: ['d_10', 's_0.5'], expect: fexpect(0.125 + (10 + 1.5 + 0.5 - 2.25) - 2147483648, 'd') }]);
    // A float loaded from data, printed directly.
    const t = p.temp();
    p.raw([`  %l.${t} =s loads $fbss`]);
    p.printValue(`%l.${t}`, 's', 0x80000000n);
    p.run();
  });
});

describe('float folding (compiler/ir/fold.ts) agrees with the machine', () => {
  it('folds arithmetic, comparisons and conversions to what SSE2 computes', () => {
    const p = new FProgram();
    const instrs: Instr[] = [];
    const add = (text: string, cls: RCls): void => {
      const t = p.temp();
      const line = `  %f.${t} =${cls} ${text}`;
      const i = parseModule(`function $x() {\n@s.0\n${line}\n  ret\n}`).funcs[0].blocks[0].instrs[0];
      const k = foldInstr(i);
      if (!k) return; // not foldable (a NaN result): nothing to compare
      instrs.push(i);
      p.raw([line]);
      const e: Expect = k.float ? (k.float === 'd' ? BigInt.asIntN(64, k.value) : k.value) : cls === 'w' ? BigInt.asIntN(32, k.value) : k.value;
      p.printValue(`%f.${t}`, cls, e);
    };
    for (const c of ['d', 's'] as FCls[]) {
      const vals = valuesOf(c);
      for (const x of vals) {
        for (const y of vals) {
          for (const op of Object.keys(ARITH)) add(`${op} ${fc(x, c)}, ${fc(y, c)}`, c);
          for (const op of Object.keys(CMP)) add(`${op}${c} ${fc(x, c)}, ${fc(y, c)}`, 'w');
        }
        add(`neg ${fc(x, c)}`, c);
        for (const ic of ['w', 'l'] as const) add(`${c}tosi ${fc(x, c)}`, ic);
        add(c === 'd' ? `truncd ${fc(x, c)}` : `exts ${fc(x, c)}`, c === 'd' ? 's' : 'd');
      }
      for (const v of SL) add(`sltof ${v}`, c);
      for (const v of UL) add(`ultof ${BigInt.asIntN(64, v)}`, c);
      for (const v of SW) add(`swtof ${v}`, c);
      for (const v of UW) add(`uwtof ${BigInt.asIntN(32, v)}`, c);
    }
    for (const x of TO_INT) for (const ic of ['w', 'l'] as const) add(`dtosi ${fc(x, 'd')}`, ic);
    expect(instrs.length).toBeGreaterThan(1500);
    p.run();
  });

  it('does not fold NaN-producing arithmetic, and keeps integer folding unchanged', () => {
    const one = (line: string): Instr => parseModule(`function $x() {\n@s.0\n  ${line}\n  ret\n}`).funcs[0].blocks[0].instrs[0];
    expect(foldInstr(one('%a.1 =d div d_0, d_0'))).toBeUndefined();
    expect(foldInstr(one('%a.1 =d add d_nan, d_1'))).toBeUndefined();
    expect(printValue(foldInstr(one('%a.1 =d neg d_nan'))!)).toBe('d_0xfff8000000000000');
    expect(printValue(foldInstr(one('%a.1 =w cned d_nan, d_nan'))!)).toBe('1');
    expect(printValue(foldInstr(one('%a.1 =s sltof 9223372036854775807'))!)).toBe('s_9223372000000000000');
    expect(printValue(foldInstr(one('%a.1 =w add 2147483647, 1'))!)).toBe('-2147483648');
    expect(printValue(foldInstr(one('%a.1 =w csltw -1, 0'))!)).toBe('1');
    expect(foldInstr(one('%a.1 =w sdiv 1, 0'))).toBeUndefined();
  });
});
