// Randomised differential test of the whole backend, aimed at the register
// allocator: seeded random functions with many live values, diamonds with
// phis, counted loops with swapping phis, calls with stack arguments and
// memory round trips. The generator knows every input, so it computes each
// value's expected result while it writes the IR (a tiny partial evaluator).
import { describe, it, expect } from 'vitest';
import { buildAndRun, PRELUDE } from './run.js';
import { mulberry32 } from '../fuzz/generator.js';

type Cls = 'w' | 'l';
const wrap = (v: bigint, c: Cls): bigint => BigInt.asIntN(c === 'w' ? 32 : 64, v);
const uns = (v: bigint, c: Cls): bigint => BigInt.asUintN(c === 'w' ? 32 : 64, v);
const bits = (c: Cls): bigint => (c === 'w' ? 31n : 63n);

const OPS: Record<string, (a: bigint, b: bigint, c: Cls) => bigint> = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b,
  and: (a, b) => a & b, or: (a, b) => a | b, xor: (a, b) => a ^ b,
  shl: (a, b, c) => a << (b & bits(c)), sar: (a, b, c) => a >> (b & bits(c)), shr: (a, b, c) => uns(a, c) >> (b & bits(c)),
};
const CMPS: Record<string, (a: bigint, b: bigint, c: Cls) => boolean> = {
  ceq: (a, b) => a === b, cne: (a, b) => a !== b, cslt: (a, b) => a < b, csge: (a, b) => a >= b,
  cult: (a, b, c) => uns(a, c) < uns(b, c), cugt: (a, b, c) => uns(a, c) > uns(b, c),
};

interface Val { ref: string; cls: Cls; v: bigint }

class Gen {
  private lines: string[] = [];
  private n = 10;
  private blk = 1;
  private cur = 'start.0';
  readonly pool: Val[] = [];
  constructor(private readonly rand: () => number) {}

  pick<T>(xs: T[]): T { return xs[Math.floor(this.rand() * xs.length)]; }
  temp(): string { return `%t.${this.n++}`; }
  emit(s: string): void { this.lines.push('  ' + s); }
  label(name: string): string { return `@${name}.${this.blk++}`; }
  startBlock(ref: string): void { this.lines.push(ref); this.cur = ref.slice(1); }

  operand(c: Cls): Val {
    const of = this.pool.filter((p) => p.cls === c);
    if (of.length === 0 || this.rand() < 0.15) {
      const k = BigInt(Math.floor(this.rand() * 2000) - 1000) * (this.rand() < 0.2 ? 1234567n : 1n);
      return { ref: String(k), cls: c, v: wrap(k, c) };
    }
    return this.pick(of);
  }

  def(c: Cls, text: string, v: bigint, addToPool = true): Val {
    const t = this.temp();
    this.emit(`${t} =${c} ${text}`);
    const val = { ref: t, cls: c, v: wrap(v, c) };
    if (addToPool) this.pool.push(val);
    return val;
  }

  binop(c: Cls, a = this.operand(c), addToPool = true): Val {
    const op = this.pick(Object.keys(OPS));
    const b = ['shl', 'sar', 'shr'].includes(op) ? this.operand('w') : this.operand(c);
    return this.def(c, `${op} ${a.ref}, ${b.ref}`, OPS[op](a.v, b.v, c), addToPool);
  }

  step(): void {
    const r = this.rand();
    const c: Cls = this.rand() < 0.5 ? 'w' : 'l';
    if (r < 0.45) this.binop(c);
    else if (r < 0.52) {
      // Division by a divisor in 1..255 (never zero, never -1).
      const a = this.operand(c);
      const y = this.operand(c);
      const m = this.def(c, `and ${y.ref}, 255`, y.v & 255n, false);
      const d = this.def(c, `or ${m.ref}, 1`, m.v | 1n, false);
      const op = this.pick(['sdiv', 'srem', 'udiv', 'urem']);
      const res = op === 'sdiv' ? a.v / d.v : op === 'srem' ? a.v % d.v : op === 'udiv' ? uns(a.v, c) / d.v : uns(a.v, c) % d.v;
      this.def(c, `${op} ${a.ref}, ${d.ref}`, res);
    } else if (r < 0.6) {
      const op = this.pick(Object.keys(CMPS));
      const a = this.operand(c);
      const b = this.operand(c);
      this.def('w', `${op}${c} ${a.ref}, ${b.ref}`, CMPS[op](a.v, b.v, c) ? 1n : 0n);
    } else if (r < 0.66) {
      const a = this.operand('w');
      const op = this.pick(['extsb', 'extub', 'extsh', 'extuh', 'extsw', 'extuw']);
      const f: Record<string, (v: bigint) => bigint> = {
        extsb: (v) => BigInt.asIntN(8, v), extub: (v) => BigInt.asUintN(8, v), extsh: (v) => BigInt.asIntN(16, v),
        extuh: (v) => BigInt.asUintN(16, v), extsw: (v) => BigInt.asIntN(32, v), extuw: (v) => BigInt.asUintN(32, v),
      };
      this.def('l', `${op} ${a.ref}`, f[op](a.v));
      const b = this.operand('l');
      this.def('w', `trunc ${b.ref}`, b.v);
    } else if (r < 0.74) {
      const args = Array.from({ length: 8 }, () => this.operand('l'));
      const v = args.reduce((s, a, k) => s + a.v * BigInt(k + 1), 0n);
      this.def('l', `call $mix(${args.map((a) => a.ref).join(', ')})`, v);
    } else if (r < 0.82) {
      // Diamond: each side computes a value, joined by a phi.
      const cond = this.operand('w');
      const [t, e, j] = [this.label('then'), this.label('else'), this.label('join')];
      this.emit(`jnz ${cond.ref}, ${t}, ${e}`);
      this.startBlock(t);
      const tv = this.binop(c, undefined, false);
      this.emit(`jmp ${j}`);
      this.startBlock(e);
      const ev = this.binop(c, undefined, false);
      this.emit(`jmp ${j}`);
      this.startBlock(j);
      this.def(c, `phi ${t} ${tv.ref}, ${e} ${ev.ref}`, cond.v !== 0n ? tv.v : ev.v);
    } else if (r < 0.9) {
      this.loop();
    } else {
      // Memory round trip through an alloc slot.
      const a = this.operand('l');
      const slot = this.def('l', 'alloc 8, 8', 0n, false);
      this.emit(`storel ${a.ref}, ${slot.ref}`);
      const [op, f] = this.pick([
        ['loadsb', (v: bigint) => BigInt.asIntN(8, v)], ['loaduh', (v: bigint) => BigInt.asUintN(16, v)],
        ['loadsw', (v: bigint) => BigInt.asIntN(32, v)], ['loadl', (v: bigint) => v],
      ] as const);
      this.def('l', `${op} ${slot.ref}`, f(a.v));
    }
  }

  loop(): void {
    const k = BigInt(1 + Math.floor(this.rand() * 6));
    const acc0 = this.operand('l');
    const x0 = this.operand('l');
    const y0 = this.operand('l');
    const [h, b, e] = [this.label('head'), this.label('body'), this.label('exit')];
    const prev = '@' + this.cur;
    this.emit(`jmp ${h}`);
    this.startBlock(h);
    const [i, acc, x, y, i2, acc2, t, c] = Array.from({ length: 8 }, () => this.temp());
    this.emit(`${i} =l phi ${prev} 0, ${b} ${i2}`);
    this.emit(`${acc} =l phi ${prev} ${acc0.ref}, ${b} ${acc2}`);
    this.emit(`${x} =l phi ${prev} ${x0.ref}, ${b} ${y}`);
    this.emit(`${y} =l phi ${prev} ${y0.ref}, ${b} ${x}`);
    this.emit(`${c} =w csltl ${i}, ${k}`);
    this.emit(`jnz ${c}, ${b}, ${e}`);
    this.startBlock(b);
    this.emit(`${t} =l mul ${acc}, 3`);
    this.emit(`${acc2} =l add ${t}, ${x}`);
    this.emit(`${i2} =l add ${i}, 1`);
    this.emit(`jmp ${h}`);
    this.startBlock(e);
    let [va, vx, vy] = [acc0.v, x0.v, y0.v];
    for (let n = 0n; n < k; n++) [va, vx, vy] = [wrap(va * 3n + vx, 'l'), vy, vx];
    this.pool.push({ ref: i, cls: 'l', v: k }, { ref: acc, cls: 'l', v: va }, { ref: x, cls: 'l', v: vx }, { ref: y, cls: 'l', v: vy });
  }

  /** Folds every pool value into a checksum; returns [IR body, expected]. */
  finish(): [string, bigint] {
    let acc = this.def('l', 'copy 0', 0n, false);
    for (const p of [...this.pool]) {
      const v = p.cls === 'w' ? this.def('l', `extsw ${p.ref}`, p.v, false) : p;
      const m = this.def('l', `mul ${acc.ref}, 31`, acc.v * 31n, false);
      acc = this.def('l', `xor ${m.ref}, ${v.ref}`, m.v ^ v.v, false);
    }
    this.emit(`ret ${acc.ref}`);
    return [this.lines.join('\n'), acc.v];
  }
}

const MIX = `function l $mix(l %a.0, l %b.1, l %c.2, l %d.3, l %e.4, l %f.5, l %g.6, l %h.7) {
@start.0
${['a.0', 'b.1', 'c.2', 'd.3', 'e.4', 'f.5', 'g.6', 'h.7'].map((v, k) => `  %m.${k + 10} =l mul %${v}, ${k + 1}`).join('\n')}
${Array.from({ length: 7 }, (_, k) => `  %s.${k + 20} =l add ${k ? `%s.${k + 19}` : '%m.10'}, %m.${k + 11}`).join('\n')}
  ret %s.26
}`;

describe('random programs', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: 12 functions of up to 120 steps agree with the generator`, () => {
      const rand = mulberry32(seed);
      const funcs: string[] = [MIX];
      const calls: string[] = [];
      const want: string[] = [];
      for (let f = 0; f < 12; f++) {
        const g = new Gen(rand);
        const params = [0, 1, 2].map((k) => ({ ref: `%p.${k}`, cls: 'l' as Cls, v: BigInt(Math.floor(rand() * 1e9) - 5e8) }));
        g.pool.push(...params);
        const steps = 20 + Math.floor(rand() * 100);
        for (let s = 0; s < steps; s++) g.step();
        const [body, expectV] = g.finish();
        funcs.push(`function l $f${f}(l %p.0, l %p.1, l %p.2) {\n@start.0\n${body}\n}`);
        calls.push(`  %r.${f + 1} =l call $f${f}(${params.map((p) => p.v).join(', ')})\n  call $print(%r.${f + 1})`);
        want.push(String(expectV));
      }
      const text = `init $main\n${PRELUDE}\n${funcs.join('\n\n')}\n\nfunction $main() {\n@start.0\n${calls.join('\n')}\n  ret\n}\n`;
      const r = buildAndRun(text);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').slice(0, -1)).toEqual(want);
    });
  }
});
