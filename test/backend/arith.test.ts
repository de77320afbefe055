// Arithmetic, comparisons and extensions in both classes, run natively and
// checked against a BigInt oracle. w-class operands arrive as l values with
// junk in the upper half and are truncated, so any dependence on the upper
// 32 bits of a w register shows up as a wrong result.
import { describe, it, expect } from 'vitest';
import { buildAndRun } from './run.js';
import { Program, wrapS, wrapU } from './gen.js';
import type { Cls } from './gen.js';

const JUNK = 0xdead_beefn << 32n;
const W_VALUES = [0n, 1n, 7n, -7n, 3n, -3n, 0x7fffffffn, -0x80000000n, 100000n, 0x12345678n];
const L_VALUES = [0n, 1n, 7n, -7n, 3n, -3n, 0x7fffffffffffffffn, -0x8000000000000000n, 123456789012n, -98765432101n, 0x123456789abcdef0n];
const SHIFTS = [0n, 1n, 4n, 31n, 33n, 63n, 64n + 3n];

type Fn = (a: bigint, b: bigint, c: Cls) => bigint | null;
const divOk = (a: bigint, b: bigint, c: Cls): boolean => wrapS(b, c) !== 0n && !(wrapS(b, c) === -1n && wrapS(a, c) === (c === 'w' ? -0x80000000n : -0x8000000000000000n));
const BITS = (c: Cls): bigint => (c === 'w' ? 31n : 63n);
const BIN: Record<string, Fn> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  sdiv: (a, b, c) => (divOk(a, b, c) ? wrapS(a, c) / wrapS(b, c) : null),
  srem: (a, b, c) => (divOk(a, b, c) ? wrapS(a, c) % wrapS(b, c) : null),
  udiv: (a, b, c) => (wrapU(b, c) !== 0n ? wrapU(a, c) / wrapU(b, c) : null),
  urem: (a, b, c) => (wrapU(b, c) !== 0n ? wrapU(a, c) % wrapU(b, c) : null),
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  xor: (a, b) => a ^ b,
  shl: (a, b, c) => a << (b & BITS(c)),
  sar: (a, b, c) => wrapS(a, c) >> (b & BITS(c)),
  shr: (a, b, c) => wrapU(a, c) >> (b & BITS(c)),
};
const CMPS: Record<string, (x: bigint, y: bigint, c: Cls) => boolean> = {
  ceq: (x, y, c) => wrapU(x, c) === wrapU(y, c),
  cne: (x, y, c) => wrapU(x, c) !== wrapU(y, c),
  cslt: (x, y, c) => wrapS(x, c) < wrapS(y, c),
  csle: (x, y, c) => wrapS(x, c) <= wrapS(y, c),
  csgt: (x, y, c) => wrapS(x, c) > wrapS(y, c),
  csge: (x, y, c) => wrapS(x, c) >= wrapS(y, c),
  cult: (x, y, c) => wrapU(x, c) < wrapU(y, c),
  cule: (x, y, c) => wrapU(x, c) <= wrapU(y, c),
  cugt: (x, y, c) => wrapU(x, c) > wrapU(y, c),
  cuge: (x, y, c) => wrapU(x, c) >= wrapU(y, c),
};

const isShift = (op: string): boolean => op === 'shl' || op === 'sar' || op === 'shr';
/** How the IR function reads its l parameter %P.k as class c. */
const operand = (k: number, c: Cls, lines: string[]): string => {
  if (c === 'l') return `%p.${k}`;
  lines.push(`  %t.${k + 10} =w trunc %p.${k}`);
  return `%t.${k + 10}`;
};
const junk = (v: bigint, c: Cls): bigint => (c === 'w' ? wrapS(v, 'w') + JUNK : v);

function binCases(p: Program, op: string, c: Cls): void {
  const fn = BIN[op];
  const values = c === 'w' ? W_VALUES : L_VALUES;
  const seconds = isShift(op) ? SHIFTS : values;
  const bc: Cls = isShift(op) ? 'w' : c;
  // Both operands in registers.
  {
    const lines: string[] = [];
    const a = operand(0, c, lines);
    const b = operand(1, bc, lines);
    const name = `${op}_${c}_rr`;
    const calls = [];
    for (const x of values) for (const y of seconds) {
      const r = fn(x, y, c);
      if (r !== null) calls.push({ args: [junk(x, c), junk(y, bc)], expect: wrapS(r, c) });
    }
    p.add({ name, ret: c, calls, func: `function ${c} $${name}(l %p.0, l %p.1) {\n@start.0\n${lines.join('\n')}\n  %r.2 =${c} ${op} ${a}, ${b}\n  ret %r.2\n}` });
  }
  // Constant second operand, then constant first operand.
  const consts = isShift(op) ? [1n, 5n, 31n, 63n] : c === 'w' ? [3n, -3n, 1n, 4294967295n, 0x7fffffffn] : [3n, -3n, 1n, 0x123456789n, -0x8000000000000000n];
  consts.forEach((k, n) => {
    for (const first of [false, true]) {
      const lines: string[] = [];
      const a = operand(0, first ? bc : c, lines);
      const name = `${op}_${c}_${first ? 'ir' : 'ri'}${n}`;
      const calls = [];
      for (const x of first ? seconds : values) {
        const r = first ? fn(k, x, c) : fn(x, k, c);
        if (r !== null) calls.push({ args: [junk(x, first ? bc : c)], expect: wrapS(r, c) });
      }
      const expr = first ? `${k}, ${a}` : `${a}, ${k}`;
      p.add({ name, ret: c, calls, func: `function ${c} $${name}(l %p.0) {\n@start.0\n${lines.join('\n')}\n  %r.2 =${c} ${op} ${expr}\n  ret %r.2\n}` });
    }
  });
}

function cmpCases(p: Program, op: string, c: Cls): void {
  const values = c === 'w' ? [0n, 1n, -1n, 5n, -5n, 0x7fffffffn, -0x80000000n] : [0n, 1n, -1n, 5n, -5n, 0x7fffffffffffffffn, -0x8000000000000000n, 0x100000000n];
  const f = CMPS[op];
  for (const form of ['set', 'branch'] as const) {
    for (const shape of ['rr', 'ri', 'ir'] as const) {
      const k = c === 'w' ? -5n : 0x100000000n;
      const lines: string[] = [];
      const a = operand(0, c, lines);
      const b = shape === 'rr' ? operand(1, c, lines) : '';
      const expr = shape === 'rr' ? `${a}, ${b}` : shape === 'ri' ? `${a}, ${k}` : `${k}, ${a}`;
      const name = `${op}_${c}_${form}_${shape}`;
      const params = shape === 'rr' ? 'l %p.0, l %p.1' : 'l %p.0';
      const body = form === 'set'
        ? `  %r.2 =w ${op}${c} ${expr}\n  ret %r.2`
        : `  %r.2 =w ${op}${c} ${expr}\n  jnz %r.2, @yes.1, @no.2\n@yes.1\n  ret 11\n@no.2\n  ret 22`;
      const calls = [];
      for (const x of values) {
        for (const y of shape === 'rr' ? values : [k]) {
          const ok = shape === 'ir' ? f(y, x, c) : f(x, y, c);
          const expect = form === 'set' ? (ok ? 1n : 0n) : ok ? 11n : 22n;
          calls.push({ args: shape === 'rr' ? [junk(x, c), junk(y, c)] : [junk(x, c)], expect });
        }
      }
      p.add({ name, ret: 'w', calls, func: `function w $${name}(${params}) {\n@start.0\n${lines.join('\n')}\n${body}\n}` });
    }
  }
}

function run(p: Program): void {
  const r = buildAndRun(p.text());
  expect(r.status).toBe(0);
  const got = r.stdout.split('\n');
  const want = p.expectedOutput().split('\n');
  expect(got.length).toBe(want.length);
  // Compare line by line so a failure names the first wrong case.
  for (let i = 0; i < want.length; i++) expect(`${i}: ${got[i]}`).toBe(`${i}: ${want[i]}`);
}

describe('arithmetic', () => {
  for (const c of ['w', 'l'] as const) {
    it(`every binary op in class ${c} (registers and immediates)`, () => {
      const p = new Program();
      for (const op of Object.keys(BIN)) binCases(p, op, c);
      run(p);
    });
  }
  it('neg, not and copy in both classes', () => {
    const p = new Program();
    for (const c of ['w', 'l'] as const) {
      for (const op of ['neg', 'not', 'copy']) {
        const lines: string[] = [];
        const a = operand(0, c, lines);
        const name = `${op}_${c}`;
        const values = c === 'w' ? W_VALUES : L_VALUES;
        const fn = (x: bigint): bigint => (op === 'neg' ? -x : op === 'not' ? ~x : x);
        p.add({
          name, ret: c, calls: values.map((x) => ({ args: [junk(x, c)], expect: wrapS(fn(x), c) })),
          func: `function ${c} $${name}(l %p.0) {\n@start.0\n${lines.join('\n')}\n  %r.2 =${c} ${op} ${a}\n  ret %r.2\n}`,
        });
      }
    }
    run(p);
  });
});

describe('comparisons', () => {
  for (const c of ['w', 'l'] as const) {
    it(`every comparison in class ${c}, materialised and fused into branches`, () => {
      const p = new Program();
      for (const op of Object.keys(CMPS)) cmpCases(p, op, c);
      run(p);
    });
  }
});

describe('extensions', () => {
  it('extsb/extub/extsh/extuh/extsw/extuw into w and l, and trunc', () => {
    const p = new Program();
    const values = [0n, 1n, 0x7fn, 0x80n, 0xffn, 0x7fffn, 0x8000n, 0xffffn, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x123456789abcdef0n, -1n];
    const EXT: Record<string, (v: bigint) => bigint> = {
      extsb: (v) => BigInt.asIntN(8, v), extub: (v) => BigInt.asUintN(8, v),
      extsh: (v) => BigInt.asIntN(16, v), extuh: (v) => BigInt.asUintN(16, v),
      extsw: (v) => BigInt.asIntN(32, v), extuw: (v) => BigInt.asUintN(32, v),
    };
    for (const [op, fn] of Object.entries(EXT)) {
      for (const c of ['w', 'l'] as const) {
        for (const from of ['w', 'l'] as const) {
          const lines: string[] = [];
          const a = operand(0, from, lines);
          const name = `${op}_${from}_${c}`;
          p.add({
            name, ret: c, calls: values.map((v) => ({ args: [v], expect: wrapS(fn(v), c) })),
            func: `function ${c} $${name}(l %p.0) {\n@start.0\n${lines.join('\n')}\n  %r.2 =${c} ${op} ${a}\n  ret %r.2\n}`,
          });
        }
      }
    }
    // trunc then extuw must clear the junk upper half.
    p.add({
      name: 'trunc_extuw', ret: 'l', calls: values.map((v) => ({ args: [v], expect: BigInt.asUintN(32, v) })),
      func: 'function l $trunc_extuw(l %p.0) {\n@start.0\n  %t.1 =w trunc %p.0\n  %r.2 =l extuw %t.1\n  ret %r.2\n}',
    });
    run(p);
  });
});
