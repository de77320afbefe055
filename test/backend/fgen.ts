// Builds float test programs: small functions over s/d values, and a $main
// that calls each with float constant arguments and prints every result as
// its bit pattern (d → l cast, s → w cast zero-extended, w sign-extended),
// so one executable checks many cases against a JavaScript oracle.
import { expect } from 'vitest';
import { PRELUDE, buildAndRun } from './run.js';
import { bitsFloat, floatBits } from '../../compiler/ir/ir.js';
import { formatFloat } from '../../compiler/ir/print.js';

export type FCls = 's' | 'd';
export type RCls = 'w' | 'l' | 's' | 'd';

/** An expected printed value: exact bits / integer, or any NaN of a class. */
export type Expect = bigint | { nan: FCls };

/** The printed form of a float result with value x (NaN: any NaN). */
export function fexpect(x: number, c: FCls): Expect {
  if (Number.isNaN(x)) return { nan: c };
  const bits = floatBits(x, c);
  return c === 'd' ? BigInt.asIntN(64, bits) : bits;
}

/** IR text of a float constant (exact). */
export const fc = (x: number, c: FCls): string => `${c}_${formatFloat(floatBits(x, c), c)}`;

export interface FCall { args: string[]; expect: Expect }

export class FProgram {
  private funcs: string[] = [];
  private body: string[] = [];
  private data: string[] = [];
  readonly expected: Expect[] = [];
  private n = 1;

  func(text: string): void {
    this.funcs.push(text);
  }
  addData(text: string): void {
    this.data.push(text);
  }

  /** Prints value `v` (a temp or constant of class c) from $main. */
  printValue(v: string, c: RCls, expect: Expect): void {
    let out = v;
    if (c === 'd') {
      out = `%x.${this.n++}`;
      this.body.push(`  ${out} =l cast ${v}`);
    } else if (c === 's') {
      const w = `%x.${this.n++}`;
      this.body.push(`  ${w} =w cast ${v}`);
      out = `%x.${this.n++}`;
      this.body.push(`  ${out} =l extuw ${w}`);
    } else if (c === 'w') {
      out = `%x.${this.n++}`;
      this.body.push(`  ${out} =l extsw ${v}`);
    }
    this.body.push(`  call $print(${out})`);
    this.expected.push(expect);
  }

  /** Calls $name with each argument list and prints the class-ret result. */
  calls(name: string, ret: RCls, calls: FCall[]): void {
    for (const c of calls) {
      const r = `%r.${this.n++}`;
      this.body.push(`  ${r} =${ret} call $${name}(${c.args.join(', ')})`);
      this.printValue(r, ret, c.expect);
    }
  }

  /** Raw IR lines for $main's body (temps must use ids from `temp()`). */
  raw(lines: string[]): void {
    this.body.push(...lines);
  }
  temp(): number {
    return this.n++;
  }

  text(): string {
    return `init $main\n${PRELUDE}\n${this.data.join('\n')}\n${this.funcs.join('\n\n')}\n\nfunction $main() {\n@start.0\n${this.body.join('\n')}\n  ret\n}\n`;
  }

  /** Builds, runs and checks every printed line. */
  run(): string {
    const r = buildAndRun(this.text());
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines.length).toBe(this.expected.length);
    const got = lines.map((l, k) => {
      const e = this.expected[k];
      if (typeof e === 'bigint') return l;
      const bits = BigInt(l);
      return Number.isNaN(bitsFloat(bits, e.nan)) ? 'NaN' : l;
    });
    const want = this.expected.map((e) => (typeof e === 'bigint' ? e.toString() : 'NaN'));
    // Compare with the case number in view, so a failure names the call.
    const firstBad = got.findIndex((g, k) => g !== want[k]);
    if (firstBad >= 0) {
      expect(`call ${firstBad}: ${got[firstBad]}`).toBe(`call ${firstBad}: ${want[firstBad]}`);
    }
    return r.asm;
  }
}
