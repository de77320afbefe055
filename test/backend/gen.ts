// Builds IR test programs: many small functions, and a $main that calls
// each with chosen inputs and prints every result (see PRELUDE's $print),
// so one executable checks hundreds of cases against a JavaScript oracle.
import { PRELUDE } from './run.js';

export type Cls = 'w' | 'l';
export const wrapS = (v: bigint, c: Cls): bigint => BigInt.asIntN(c === 'w' ? 32 : 64, v);
export const wrapU = (v: bigint, c: Cls): bigint => BigInt.asUintN(c === 'w' ? 32 : 64, v);

export interface Case {
  /** The function's IR text, named $NAME; its parameters are all `l`. */
  func: string;
  name: string;
  ret: Cls;
  /** Argument lists to call it with, and the expected (signed 64-bit) printed value for each. */
  calls: { args: bigint[]; expect: bigint }[];
}

export class Program {
  private funcs: string[] = [];
  private body: string[] = [];
  readonly expected: bigint[] = [];
  private n = 0;

  add(c: Case): void {
    this.funcs.push(c.func);
    for (const call of c.calls) {
      const r = `%r.${this.n++}`;
      this.body.push(`  ${r} =${c.ret} call $${c.name}(${call.args.join(', ')})`);
      let out = r;
      if (c.ret === 'w') {
        out = `%x.${this.n++}`;
        this.body.push(`  ${out} =l extsw ${r}`);
      }
      this.body.push(`  call $print(${out})`);
      this.expected.push(call.expect);
    }
  }

  text(): string {
    return `init $main\n${PRELUDE}\n${this.funcs.join('\n\n')}\n\nfunction $main() {\n@start.0\n${this.body.join('\n')}\n  ret\n}\n`;
  }

  expectedOutput(): string {
    return this.expected.map((v) => `${v}\n`).join('');
  }
}
