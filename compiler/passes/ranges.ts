// The test a versioned loop (bcever.ts) runs before it: conditions on sums
// of sign-extended 32-bit values, each decided at compile time when the
// ranges of its terms decide it (a 32-bit value is in [-2^31, 2^31)), and
// the rest built as a chain of compares and branches, one block each, the
// first in the preheader: every condition that fails goes to the original
// loop, the last that holds to the copy. A compare next to its branch is a
// `cmp` and a `jcc`; and-ing them as values would cost a `setcc` each.
import { constant, newTemp } from '../ir/ir.js';
import type { Block, Func, Op, Temp, Value } from '../ir/ir.js';

export const I32 = 2n ** 31n;

/** A 64-bit sum c + Σ coef·extsw(v), each v a w temporary. */
export interface Lin {
  terms: { v: Temp; coef: bigint }[];
  c: bigint;
}

export const num = (c: bigint): Lin => ({ terms: [], c });

/** a + sign·b, equal terms merged. */
export function add(a: Lin, b: Lin, sign = 1n): Lin {
  const terms = a.terms.map((t) => ({ ...t }));
  for (const t of b.terms) {
    const same = terms.find((u) => u.v.id === t.v.id);
    if (same) same.coef += sign * t.coef;
    else terms.push({ v: t.v, coef: sign * t.coef });
  }
  return { terms: terms.filter((t) => t.coef !== 0n), c: a.c + sign * b.c };
}

/** The smallest and largest value a Lin can take. */
function range(a: Lin): [bigint, bigint] {
  let [lo, hi] = [a.c, a.c];
  for (const { coef } of a.terms) {
    const m = coef < 0n ? -coef : coef;
    lo -= m * I32;
    hi += m * (I32 - 1n);
    if (coef < 0n) [lo, hi] = [lo + m, hi + m];
  }
  return [lo, hi];
}

/** Whether a <= k whatever its terms are. */
export const alwaysAtMost = (a: Lin, k: bigint): boolean => range(a)[1] <= k;

const key = (a: Lin): string => `${a.terms.map((t) => `${t.coef}*${t.v.id}`).join('+')}+${a.c}`;

/** The conditions of one versioning test. */
export class Conditions {
  /** A condition that never holds was asked for: do not version. */
  impossible = false;
  private tests: { key: string; build: (at: Block) => Value }[] = [];
  private at: Block | null = null;
  private values = new Map<string, Value>();

  constructor(private f: Func) {}

  get empty(): boolean {
    return this.tests.length === 0;
  }

  private emit(op: Op, cls: 'w' | 'l', args: Value[], argCls?: 'l'): Value {
    const dst = newTemp(this.f, cls);
    this.at!.instrs.push(argCls ? { op, cls, dst, args, argCls } : { op, cls, dst, args });
    return dst;
  }

  /** The Lin's value as an l value; each sum computed once (the chain's blocks dominate the later ones). */
  private value(a: Lin): Value {
    if (a.terms.length === 0) return constant(a.c);
    const k = key(a);
    let v = this.values.get(k);
    if (v) return v;
    for (const t of a.terms) {
      const e = this.values.get(`ext${t.v.id}`) ?? this.emit('extsw', 'l', [t.v]);
      this.values.set(`ext${t.v.id}`, e);
      for (let n = t.coef < 0n ? -t.coef : t.coef; n > 0n; n--) v = v ? this.emit(t.coef > 0n ? 'add' : 'sub', 'l', [v, e]) : t.coef > 0n ? e : this.emit('sub', 'l', [constant(0), e]);
    }
    if (a.c !== 0n) v = this.emit('add', 'l', [v!, constant(a.c)]);
    this.values.set(k, v!);
    return v!;
  }

  private test(k: string, decided: boolean | null, build: () => Value): void {
    if (decided === false) this.impossible = true;
    if (decided !== null || this.tests.some((t) => t.key === k)) return;
    this.tests.push({ key: k, build });
  }

  atLeast(a: Lin, k: bigint): void {
    const [lo, hi] = range(a);
    this.test(`${key(a)}>=${k}`, lo >= k ? true : hi < k ? false : null, () => this.emit('csle', 'w', [constant(k), this.value(a)], 'l'));
  }

  atMost(a: Lin, k: bigint): void {
    const [lo, hi] = range(a);
    this.test(`${key(a)}<=${k}`, hi <= k ? true : lo > k ? false : null, () => this.emit('csle', 'w', [this.value(a), constant(k)], 'l'));
  }

  /** a <u v, v a constant or an l temporary. */
  below(a: Lin, v: Value): void {
    const [lo, hi] = range(a);
    const k = v.kind === 'const' ? v.value : null;
    const decided = k !== null && lo >= 0n && hi < k ? true : hi < 0n || (k !== null && lo >= k) ? false : null;
    this.test(`${key(a)}<u${v.kind === 'temp' ? `%${v.id}` : String(k)}`, decided, () => this.emit('cult', 'w', [this.value(a), v], 'l'));
  }

  /**
   * Ends `pre` (which jumps to `slow`) with the chain: each test in a block
   * of its own that goes on to the next when it holds and to `slow` when
   * not; after the last, `fast`. slow's phis get the arguments pre gave them
   * for each new block that enters it.
   */
  branch(pre: Block, fast: Block, slow: Block): void {
    const fromPre = slow.phis.map((p) => p.args.find((a) => a.pred === pre)!.value);
    const fastPhis = fast.phis.map((p) => p.args.find((a) => a.pred === pre)!.value);
    this.at = pre;
    let at = this.f.blocks.indexOf(fast);
    this.tests.forEach((t, n) => {
      const cond = t.build(this.at!);
      const last = n === this.tests.length - 1;
      const next: Block = last ? fast : { id: this.f.nextBlock++, label: 'versioned', phis: [], instrs: [], term: { kind: 'unreachable' } };
      if (!last) this.f.blocks.splice(at++, 0, next);
      this.at!.term = { kind: 'jnz', cond, ifTrue: next, ifFalse: slow };
      if (this.at !== pre) slow.phis.forEach((p, i) => p.args.push({ pred: this.at!, value: fromPre[i] }));
      if (last && this.at !== pre) {
        fast.phis.forEach((p, i) => {
          const arg = p.args.find((a) => a.pred === pre)!;
          arg.pred = this.at!;
          arg.value = fastPhis[i];
        });
      }
      this.at = next;
    });
  }
}

