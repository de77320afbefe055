// The object part of a generated fuzz program (test/fuzz/generator.ts):
// a small class hierarchy with virtual methods over integer and float
// fields, arrays of objects and of integers, float arithmetic, and nullable
// references walked as chains and through `?.` / `??`. It is generated from
// its own seeded stream, so the integer part of a program is the same with
// or without it, and it keeps to values on which tskc and Node agree:
//
// - integers are i32; every sum or product is wrapped with i32(...), and a
//   product has one operand a constant of at most 1000, so no intermediate
//   exceeds 2^53 (doubles are exact below it);
// - floats are f64 built from literals with short binary fractions, fields
//   and f64(i32) with + - * /, compared or printed as `(x + 0)` (Node's
//   console.log prints -0 as "-0", tskc like String(x) as "0"); they are
//   never converted back to integers (out-of-range conversions differ);
// - array indices are computed in range (`(k & mask) % length`), so no
//   bounds check fails; chains only link an object to later ones, so every
//   walk ends.
import { mulberry32 } from './generator.js';

export interface ObjectPart {
  /** Class declarations (before any use). */
  decls: string[];
  /** The part's function: declares and prints; call it after the program's marker line. */
  func: string[];
  /** The call of the function. */
  call: string;
}

const FLOATS = ['0.5', '1.25', '3.75', '0.1', '2.0', '-1.5', '1e10', '0.001', '7.0', '-0.25'];

class Gen {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = mulberry32((seed ^ 0x5bd1e995) >>> 0);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  small(): number {
    return this.range(-1000, 1000);
  }
  /** An i32 expression over `terms` (i32 texts), wrapped after every operation. */
  intExpr(terms: string[], depth: number): string {
    if (depth <= 0 || this.chance(0.3)) return this.chance(0.7) && terms.length > 0 ? this.pick(terms) : String(this.small());
    const a = this.intExpr(terms, depth - 1);
    switch (this.int(4)) {
      case 0: return `i32(${a} + ${this.intExpr(terms, depth - 1)})`;
      case 1: return `i32(${a} - ${this.intExpr(terms, depth - 1)})`;
      case 2: return `i32(${a} * ${this.small()})`;
      default: return `(${a} ^ ${this.intExpr(terms, depth - 1)})`;
    }
  }
  /** An f64 expression over `terms` (f64 texts) and f64(i32) of `ints`. */
  floatExpr(terms: string[], ints: string[], depth: number): string {
    if (depth <= 0 || this.chance(0.3)) {
      const k = this.int(3);
      if (k === 0 && terms.length > 0) return this.pick(terms);
      if (k === 1 && ints.length > 0) return `f64(${this.pick(ints)})`;
      return this.pick(FLOATS);
    }
    const op = this.pick(['+', '-', '*', '/']);
    return `(${this.floatExpr(terms, ints, depth - 1)} ${op} ${this.floatExpr(terms, ints, depth - 1)})`;
  }
}

/** The object part of program `prefix` (e.g. `p3_`), from `seed`. */
export function objectPart(seed: number, prefix: string): ObjectPart {
  const g = new Gen(seed);
  const P = prefix;
  const base = `${P}Base`;
  const nSub = g.range(1, 2);
  const classes = [base, ...Array.from({ length: nSub }, (_, i) => `${P}Sub${i}`)];
  const decls: string[] = [];
  const method = (cls: string, isBase: boolean): string[] => {
    const m = g.intExpr(['this.n', 'x', 'this.k'], 2);
    const viaSuper = !isBase && g.chance(0.4) ? `i32(super.m(x) + ${g.small()})` : null;
    const f = g.floatExpr(['this.w', 'y'], ['this.n', 'this.k'], 2);
    return [
      `  m(x: i32): i32 { return ${viaSuper ?? m}; }`,
      `  f(y: number): number { return ${f}; }`,
      `  name(): string { return '${cls}'; }`,
    ];
  };
  decls.push(
    `class ${base} {`,
    `  k: i32 = ${g.small()};`,
    `  next: ${base} | null = null;`,
    `  constructor(public n: i32, public w: number) {}`,
    ...method(base, true),
    '}',
  );
  for (let i = 1; i < classes.length; i++) {
    const parent = g.chance(0.6) ? base : classes[g.range(0, i - 1)];
    decls.push(`class ${classes[i]} extends ${parent} {`, ...method(classes[i], false), '}');
  }

  const body: string[] = [];
  const count = g.range(3, 8);
  const news = Array.from({ length: count }, () => `new ${g.pick(classes)}(${g.small()}, ${g.pick(FLOATS)})`);
  body.push(`const objs: ${base}[] = [${news.join(', ')}];`);
  // Link some objects to later ones: chains that end.
  for (let i = 0; i < count - 1; i++) if (g.chance(0.5)) body.push(`objs[${i}].next = objs[${g.range(i + 1, count - 1)}];`);
  if (g.chance(0.5)) body.push(`objs[${g.int(count)}].k = ${g.intExpr(['objs[0].n'], 2)};`);

  // Virtual calls over the array.
  body.push('let acc: i32 = 0;', 'let fs: number = 0.0;');
  body.push(`for (let i: i32 = 0; i < objs.length; i++) {`);
  body.push(`  acc = i32(acc + objs[i].m(${g.intExpr(['i', 'acc'], 2)}));`);
  body.push(`  fs = fs + objs[i].f(${g.floatExpr(['fs'], ['i'], 2)});`);
  if (g.chance(0.5)) body.push(`  if (objs[i] instanceof ${g.pick(classes.slice(1))}) acc = i32(acc + 1);`);
  body.push('}', 'console.log(acc, (fs + 0));');

  // Nullable chains: walk, optional calls, ??.
  body.push(`let p: ${base} | null = objs[${g.int(count)}];`, 'let steps: i32 = 0;');
  body.push('while (p !== null) {', `  acc = i32(acc * ${g.range(-30, 30)} + p.m(steps));`, '  steps++;', '  p = p.next;', '}');
  const k = g.int(count);
  body.push(`const q: i32 = objs[${k}].next?.m(${g.small()}) ?? ${g.small()};`);
  body.push(`const nm: string = objs[${g.int(count)}].next?.name() ?? 'none';`);
  body.push(`const fw: number = objs[${g.int(count)}].next?.w ?? ${g.pick(FLOATS)};`);
  body.push('console.log(acc, steps, q, nm, (fw + 0), objs[0].next === null, objs[0].name());');

  // An integer array, filled and read at computed indices.
  const len = g.range(1, 40);
  body.push(`const xs = new Array<i32>(${len});`);
  body.push(`for (let i: i32 = 0; i < xs.length; i++) xs[i] = ${g.intExpr(['i', 'acc'], 2)};`);
  body.push('let s: i32 = 0;');
  body.push(`for (let j: i32 = 0; j < ${g.range(1, 60)}; j++) {`);
  body.push(`  const at: i32 = ((${g.intExpr(['j', 's'], 2)}) & 0xffff) % xs.length;`);
  body.push(`  s = i32(s + xs[at]);`, `  xs[(at + ${g.range(1, 7)}) % xs.length] = ${g.intExpr(['s', 'j'], 1)};`);
  body.push('}');
  // Floats compared and combined.
  const a = g.floatExpr(['fs'], ['s'], 2);
  const b = g.floatExpr(['fs', 'fw'], ['acc'], 2);
  body.push(`const fa: number = ${a};`, `const fb: number = ${b};`);
  body.push('console.log(s, xs[0], xs.length, (fa + 0), (fb + 0), fa < fb, fa == fb, (fa * fb + 0));');

  const fn = `${P}objects`;
  return { decls, func: [`function ${fn}(): void {`, ...body.map((l) => `  ${l}`), '}'], call: `${fn}();` };
}
