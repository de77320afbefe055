// A seeded generator of random tskc programs for differential testing: every
// generated program must print the same under Node (test/compiler/programs.ts
// runUnderNode, whose prelude gives i32(x) = x | 0 etc.) as compiled natively.
//
// The generator stays inside the language subset of docs/language.md and
// inside the range where JavaScript and tskc agree (§3.2 "Where tskc departs
// from JavaScript"). It tracks a conservative value range for every
// expression it builds, and the invariants are:
//
// - a variable, parameter, return value or printed value of a type up to 32
//   bits always holds a value of its type's range, never -0 (JS `0 * -1` is
//   -0 and prints as "-0"); `+ - *` may produce wider intermediate values
//   (both sides agree modulo 2^bits, so one conversion T(...) at the end fixes
//   the value in both), every other operator gets operands of its type's range;
// - a 64-bit value is stored only in [-2^40, 2^40] (u64: [0, 2^40]) and no
//   intermediate exceeds 2^52 in magnitude, so doubles are exact; 64-bit
//   values are never used with bit operators or shifts; they may be -0 in
//   Node, so a printed 64-bit value is printed as `(x + 0)`;
// - `*` masks an operand when the product could exceed 2^52; `/` and `%`
//   divide by a nonzero constant other than -1, or a guarded variable, and the
//   quotient is converted with T(...) (Node's i32(a / b) truncates);
// - `>>` is never used on u32, `>>>` only on unsigned types, shift counts are
//   0..31; u32 results of bit operators are converted with u32(...) (JS
//   bit operators return int32);
// - every loop has a counter bounded by a small constant, updated before any
//   `continue` (plain or labelled) can skip it; recursion carries a depth
//   parameter; the call graph is otherwise acyclic and an estimated cost
//   bounds the work; `switch` cases end in `break` unless empty (TypeScript's
//   noFallthroughCasesInSwitch);
// - console.log arguments never call functions that print, and no signed
//   division has a -1 divisor: both avoid tskc bugs (see BUG below).
//
// Each program also has an object part (classes, virtual calls, arrays,
// floats, nullable references) from objects.ts, with its own invariants.
//
// A program is a set of functions and globals named with a prefix (`p7_`),
// so many programs can share one file (one compilation); each program
// prints a marker line `#p7` first, so outputs can be split per program.

import { objectPart } from './objects.js';

export type Ty = 'i8' | 'i16' | 'i32' | 'i64' | 'u8' | 'u16' | 'u32' | 'u64';
type VTy = Ty | 'bool';

/** mulberry32: a small, fast, seedable PRNG. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of program `index` of a campaign started with `seed`. */
export function programSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

interface TyInfo {
  signed: boolean;
  wide: boolean;
  /** The type's range (for 64-bit types: the storage range the generator keeps). */
  lo: number;
  hi: number;
}

/** Storage bound of 64-bit values; intermediates stay below LIMIT. */
const B = 2 ** 40;
const LIMIT = 2 ** 52;

const TY: Record<Ty, TyInfo> = {
  i8: { signed: true, wide: false, lo: -128, hi: 127 },
  i16: { signed: true, wide: false, lo: -32768, hi: 32767 },
  i32: { signed: true, wide: false, lo: -2147483648, hi: 2147483647 },
  u8: { signed: false, wide: false, lo: 0, hi: 255 },
  u16: { signed: false, wide: false, lo: 0, hi: 65535 },
  u32: { signed: false, wide: false, lo: 0, hi: 4294967295 },
  i64: { signed: true, wide: true, lo: -B, hi: B },
  u64: { signed: false, wide: true, lo: 0, hi: B },
};

/** An integer expression: its text, type, value range and flags. */
interface Ex {
  t: string;
  ty: Ty;
  lo: number;
  hi: number;
  /** May be -0 under Node. */
  nz: boolean;
  /** A bare literal (its type comes from the context). */
  lit: boolean;
  /** A variable or literal: cheap and safe to evaluate twice. */
  leaf: boolean;
}

interface Var {
  name: string;
  ty: VTy;
  /** Loop counters and recursion depths are never assigned; const globals neither. */
  readonly: boolean;
}

interface Fn {
  name: string;
  params: VTy[];
  ret: VTy | 'void';
  /** Estimated statements executed per call (callees included). */
  cost: number;
  /** Estimated lines printed per call. */
  prints: number;
  /** Members of a recursion group take a depth as first parameter. */
  rec: boolean;
}

interface FnCtx {
  scopes: Var[][];
  ret: VTy | 'void' | 'toplevel';
  /** Product of the iteration counts of the enclosing loops. */
  mult: number;
  loopDepth: number;
  /** Labels of the enclosing labelled loops (for `break L` / `continue L`). */
  labels: string[];
  cost: number;
  prints: number;
  costBudget: number;
  canPrint: boolean;
  /** Generating console.log arguments: no calls of printing functions (see printArgs). */
  inPrintArgs: boolean;
  /** For recursion groups: the functions a depth-decremented call may go to. */
  recGroup: Fn[];
  recCallsLeft: number;
  nextLocal: number;
}

const STRINGS = ['a', 'x =', 'sum', 'ok', 'tskc', 'end', 'loop', '', 'A-Z', 'mixed Case', 'é', 'naïve ∑', 'tab\\there'];

export class ProgramGenerator {
  private readonly r: () => number;
  private globals: Var[] = [];
  private fns: Fn[] = [];
  private ctx!: FnCtx;
  private strs: { name: string; len: number }[] = [];
  private out: string[] = [];
  private uid = 0;

  constructor(readonly seed: number, readonly prefix: string) {
    this.r = mulberry32(seed);
  }

  // ---- random helpers ------------------------------------------------------

  private int(n: number): number {
    return Math.floor(this.r() * n);
  }
  private range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  private chance(p: number): boolean {
    return this.r() < p;
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  private weighted<T>(items: [number, T][]): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let x = this.r() * total;
    for (const [w, v] of items) {
      if ((x -= w) < 0) return v;
    }
    return items[items.length - 1][1];
  }

  private randTy(): Ty {
    return this.weighted<Ty>([[40, 'i32'], [18, 'u32'], [14, 'i64'], [14, 'u8'], [4, 'i8'], [4, 'i16'], [3, 'u16'], [3, 'u64']]);
  }
  private randVTy(): VTy {
    return this.chance(0.1) ? 'bool' : this.randTy();
  }

  // ---- literals --------------------------------------------------------------

  private litValue(ty: Ty): number {
    const { lo, hi, signed, wide } = TY[ty];
    const top = wide ? B - 1 : hi;
    const bottom = wide ? (signed ? -(B - 1) : 0) : lo;
    const special = [0, 1, 2, 3, 7, 10, 16, 100, top, top - 1, 255, 256, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32];
    if (signed) special.push(-1, -2, -7, -100, bottom, bottom + 1, -(2 ** 31), -256);
    const v = this.weighted<() => number>([
      [4, () => this.pick(special)],
      [4, () => this.range(signed ? -20 : 0, 40)],
      [3, () => this.range(Math.max(bottom, -100000), Math.min(top, 100000))],
      [2, () => bottom + Math.floor(this.r() * (top - bottom + 1))],
    ])();
    return Math.min(top, Math.max(bottom, v));
  }

  private literal(ty: Ty, v = this.litValue(ty)): Ex {
    return { t: v < 0 ? `(${v})` : String(v), ty, lo: v, hi: v, nz: false, lit: true, leaf: true };
  }

  // ---- scopes ------------------------------------------------------------------

  private visible(): Var[] {
    return [...this.globals, ...this.ctx.scopes.flat()];
  }
  private varsOf(ty: VTy): Var[] {
    return this.visible().filter((v) => v.ty === ty);
  }
  private declare(ty: VTy, readonly = false, base = 'v'): Var {
    const v: Var = { name: `${base}${this.ctx.nextLocal++}`, ty, readonly };
    this.ctx.scopes[this.ctx.scopes.length - 1].push(v);
    return v;
  }

  // ---- integer expressions -----------------------------------------------------

  /** Brings an expression into its type's storage range (and never -0 for ≤ 32 bits). */
  private fit(e: Ex): Ex {
    const info = TY[e.ty];
    if (!info.wide) {
      if (e.lo >= info.lo && e.hi <= info.hi && !e.nz) return e;
      return { t: `${e.ty}(${e.t})`, ty: e.ty, lo: info.lo, hi: info.hi, nz: false, lit: false, leaf: false };
    }
    if (e.lo >= info.lo && e.hi <= info.hi) return e;
    if (e.lo < 0 && !info.signed) throw new Error('generator: negative u64 intermediate');
    return { t: `(${e.t} % ${B})`, ty: e.ty, lo: info.signed ? -(B - 1) : 0, hi: B - 1, nz: e.nz || e.lo < 0, lit: false, leaf: false };
  }

  /** A typed (non-literal) version of e, for places where a bare literal would be untyped. */
  private typed(e: Ex): Ex {
    return e.lit ? { ...e, t: `${e.ty}(${e.t})`, lit: false, leaf: true } : e;
  }

  private ex(ty: Ty, depth: number): Ex {
    if (depth <= 0 || this.chance(0.25)) return this.leaf(ty);
    const wide = TY[ty].wide;
    const kind = this.weighted<string>([
      [30, 'arith'],
      [8, 'div'],
      [wide ? 0 : 10, 'bit'],
      [wide ? 0 : 8, 'shift'],
      [5, 'unary'],
      [6, 'ternary'],
      [10, 'convert'],
      [9, 'call'],
      [10, 'leaf'],
    ]);
    switch (kind) {
      case 'arith':
        return this.arith(ty, depth);
      case 'div':
        return this.div(ty, depth);
      case 'bit':
        return this.bit(ty, depth);
      case 'shift':
        return this.shift(ty, depth);
      case 'unary':
        return this.unary(ty, depth);
      case 'ternary': {
        const c = this.bex(depth - 1);
        let a = this.ex(ty, depth - 1);
        let b = this.ex(ty, depth - 1);
        if (a.lit && b.lit) b = this.typed(b);
        return { t: `(${c} ? ${a.t} : ${b.t})`, ty, lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), nz: a.nz || b.nz, lit: false, leaf: false };
      }
      case 'convert':
        return this.convert(ty, depth);
      case 'call':
        return this.call(ty, depth) ?? this.leaf(ty);
      default:
        return this.leaf(ty);
    }
  }

  private leaf(ty: Ty): Ex {
    const vars = this.varsOf(ty);
    const strs = ty === 'i32' ? this.strs.filter((s) => s.len >= 0) : [];
    const choice = this.weighted<string>([
      [vars.length > 0 ? 6 : 0, 'var'],
      [4, 'lit'],
      [strs.length > 0 ? 0.3 : 0, 'len'],
    ]);
    if (choice === 'var') {
      const v = this.pick(vars);
      return { t: v.name, ty, lo: TY[ty].lo, hi: TY[ty].hi, nz: false, lit: false, leaf: true };
    }
    if (choice === 'len') {
      const s = this.pick(strs);
      return { t: `${s.name}.length`, ty, lo: s.len, hi: s.len, nz: false, lit: false, leaf: true };
    }
    return this.literal(ty);
  }

  private arith(ty: Ty, depth: number): Ex {
    const op = this.weighted<string>([[4, '+'], [3, '-'], [3, '*']]);
    const info = TY[ty];
    let a = this.ex(ty, depth - 1);
    let b = this.ex(ty, depth - 1);
    if (a.lit && b.lit) b = this.typed(b);
    if (op === '+' || op === '-') {
      const bound = (x: Ex, y: Ex): number => Math.max(Math.abs(x.lo), Math.abs(x.hi)) + Math.max(Math.abs(y.lo), Math.abs(y.hi));
      if (bound(a, b) > LIMIT) {
        a = this.fit(a);
        b = this.fit(b);
      }
      if (op === '+') {
        return { t: `(${a.t} + ${b.t})`, ty, lo: a.lo + b.lo, hi: a.hi + b.hi, nz: a.nz && b.nz, lit: false, leaf: false };
      }
      if (ty === 'u64' && a.lo - b.hi < 0) {
        // u64 must not go below zero: a + K - b with K >= every b.
        const k = b.hi;
        return { t: `(${a.t} + ${k} - ${b.t})`, ty, lo: a.lo + k - b.hi, hi: a.hi + k - b.lo, nz: false, lit: false, leaf: false };
      }
      return { t: `(${a.t} - ${b.t})`, ty, lo: a.lo - b.hi, hi: a.hi - b.lo, nz: a.nz, lit: false, leaf: false };
    }
    const mag = (x: Ex): number => Math.max(Math.abs(x.lo), Math.abs(x.hi));
    const mask = (x: Ex): Ex => {
      x = this.fit(x);
      if (info.wide) {
        const m = this.pick([4096, 1048576, 1000]);
        return { t: `(${x.t} % ${m})`, ty, lo: info.signed ? -(m - 1) : 0, hi: m - 1, nz: x.nz || x.lo < 0, lit: false, leaf: false };
      }
      const m = this.pick([65535, 255, 1023, 0xfffff]);
      return { t: `(${x.t} & ${m})`, ty, lo: 0, hi: m, nz: false, lit: false, leaf: false };
    };
    if (mag(a) * mag(b) > LIMIT) {
      a = this.fit(a);
      b = this.fit(b);
    }
    while (mag(a) * mag(b) > LIMIT) {
      if (mag(a) >= mag(b)) a = mask(a);
      else b = mask(b);
    }
    if (a.lit && b.lit) b = this.typed(b);
    const prods = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
    const nz = a.nz || b.nz || a.lo < 0 || b.lo < 0;
    return { t: `(${a.t} * ${b.t})`, ty, lo: Math.min(...prods), hi: Math.max(...prods), nz, lit: false, leaf: false };
  }

  /**
   * A divisor that is never 0, nor -1 for signed types. BUG (tskc, reported):
   * INT_MIN / -1 and INT_MIN % -1 on a non-constant i32 (or i64) kill the
   * program with SIGFPE (x86 idiv), while §3.2 says results wrap and the
   * constant-folded forms give INT_MIN and 0. Until fixed, no -1 divisors.
   */
  private divisor(ty: Ty, depth: number): Ex {
    const info = TY[ty];
    const kind = this.weighted<string>([[4, 'const'], [4, 'var'], [2, 'expr']]);
    if (kind === 'const') {
      let v = this.pick([1, 2, 3, 4, 7, 8, 10, 16, 100, 255, 1000, 65536, 12345]);
      if (info.signed && this.chance(0.3)) v = -v === -1 ? -2 : -v;
      v = Math.min(v, info.hi);
      if (v < info.lo) v = 3;
      return this.literal(ty, v);
    }
    const x = kind === 'var' ? this.leaf(ty) : this.fit(this.ex(ty, depth - 1));
    if (x.lit) {
      const v = x.lo === 0 || x.lo === -1 ? 5 : x.lo;
      return this.literal(ty, Math.min(v, info.hi));
    }
    const alt = this.pick([3, 7, 1, 2]);
    if (x.leaf) {
      const t = info.signed ? `(${x.t} > 0 || ${x.t} < -1 ? ${x.t} : ${alt})` : `(${x.t} != 0 ? ${x.t} : ${alt})`;
      return { t, ty, lo: info.lo, hi: info.hi, nz: false, lit: false, leaf: false };
    }
    if (info.wide) {
      return { t: `((${x.t} % 1000) + 1001)`, ty, lo: 2, hi: 2000, nz: false, lit: false, leaf: false };
    }
    if (info.signed || ty === 'u32') {
      const m = ty === 'i8' ? 63 : 255;
      return { t: `((${x.t} & ${m}) + 1)`, ty, lo: 1, hi: m + 1, nz: false, lit: false, leaf: false };
    }
    return { t: `(${x.t} | 1)`, ty, lo: 1, hi: info.hi, nz: false, lit: false, leaf: false };
  }

  private div(ty: Ty, depth: number): Ex {
    const info = TY[ty];
    let a = this.fit(this.ex(ty, depth - 1));
    const d = this.divisor(ty, depth);
    if (a.lit && d.lit) a = this.typed(a);
    const m = Math.max(Math.abs(a.lo), Math.abs(a.hi));
    if (this.chance(0.5)) {
      const lo = info.signed ? -m : 0;
      return { t: `${ty}(${a.t} / ${d.t})`, ty, lo, hi: info.signed ? m : a.hi, nz: info.wide && a.lo < 0 || false, lit: false, leaf: false };
    }
    const dm = Math.max(Math.abs(d.lo), Math.abs(d.hi));
    const rm = Math.min(m, dm);
    return { t: `(${a.t} % ${d.t})`, ty, lo: a.lo < 0 ? -rm : 0, hi: a.hi > 0 ? rm : 0, nz: a.lo < 0 || a.nz, lit: false, leaf: false };
  }

  private bit(ty: Ty, depth: number): Ex {
    const info = TY[ty];
    const op = this.pick(['&', '|', '^']);
    let a = this.fit(this.ex(ty, depth - 1));
    let b = this.chance(0.3) ? this.literal(ty, this.pick([1, 3, 7, 15, 31, 127, 255, 0xff00, 0xffff, 0x7fffffff, 0x55555555]) ) : this.fit(this.ex(ty, depth - 1));
    if (b.lo > info.hi) b = this.literal(ty, info.hi);
    if (a.lit && b.lit) a = this.typed(a);
    const t = `(${a.t} ${op} ${b.t})`;
    if (ty === 'u32') return this.fit({ t, ty, lo: -(2 ** 31), hi: 2 ** 31, nz: false, lit: false, leaf: false });
    if (op === '&' && (a.lo >= 0 || b.lo >= 0)) {
      const hi = Math.min(a.lo >= 0 ? a.hi : Infinity, b.lo >= 0 ? b.hi : Infinity);
      return { t, ty, lo: 0, hi, nz: false, lit: false, leaf: false };
    }
    return { t, ty, lo: info.lo, hi: info.hi, nz: false, lit: false, leaf: false };
  }

  /** A shift count in 0..31, possibly of another integer type (§3.2 allows any). */
  private count(depth: number): string {
    if (this.chance(0.5)) return String(this.pick([0, 1, 2, 3, 4, 5, 7, 8, 12, 16, 24, 30, 31]));
    const cty = this.chance(0.6) ? 'i32' : this.pick<Ty>(['u8', 'u32', 'i8', 'u16', 'i16']);
    const c = this.typed(this.fit(this.ex(cty, depth - 1)));
    return `(${c.t} & 31)`;
  }

  private shift(ty: Ty, depth: number): Ex {
    const info = TY[ty];
    const ops = ['<<'];
    if (ty !== 'u32') ops.push('>>');
    if (!info.signed) ops.push('>>>');
    const op = this.pick(ops);
    const a = this.typed(this.fit(this.ex(ty, depth - 1)));
    const t = `(${a.t} ${op} ${this.count(depth)})`;
    if (op === '<<') {
      if (ty === 'i32') return { t, ty, lo: info.lo, hi: info.hi, nz: false, lit: false, leaf: false };
      return this.fit({ t, ty, lo: -(2 ** 31), hi: 2 ** 31, nz: false, lit: false, leaf: false });
    }
    return { t, ty, lo: Math.min(0, a.lo), hi: Math.max(0, a.hi), nz: false, lit: false, leaf: false };
  }

  private unary(ty: Ty, depth: number): Ex {
    const info = TY[ty];
    const op = info.wide ? '-' : this.pick(['-', '~']);
    if (ty === 'u64') return this.leaf(ty);
    let a = this.ex(ty, depth - 1);
    if (op === '-') {
      // -literal could leave the type (-(-128) in i8): negate a typed value.
      a = this.typed(a);
      return { t: `(-${a.t})`, ty, lo: -a.hi, hi: -a.lo, nz: a.lo <= 0 || a.nz, lit: false, leaf: false };
    }
    a = this.typed(this.fit(a));
    const t = `(~${a.t})`;
    if (!info.signed) return this.fit({ t, ty, lo: -info.hi - 1, hi: -1, nz: false, lit: false, leaf: false });
    return { t, ty, lo: info.lo, hi: info.hi, nz: false, lit: false, leaf: false };
  }

  private convert(ty: Ty, depth: number): Ex {
    const info = TY[ty];
    if (this.chance(0.08)) {
      const b = this.bex(depth - 1);
      return { t: `${ty}(${b})`, ty, lo: 0, hi: 1, nz: false, lit: false, leaf: false };
    }
    let s = this.randTy();
    // u64(x) of a negative x is 2^64 + x in tskc but stays negative in Node.
    if (ty === 'u64' && TY[s].signed) s = this.pick<Ty>(['u8', 'u32', 'u16']);
    const e = this.typed(this.fit(this.ex(s, depth - 1)));
    const keeps = e.lo >= info.lo && e.hi <= info.hi;
    const sInfo = TY[s];
    // `x as T` is allowed for widening that keeps every value (§3.3).
    const widening = s !== ty && sInfo.lo >= info.lo && sInfo.hi <= (info.wide ? 2 ** 64 : info.hi) && !(sInfo.wide && !info.wide) && !(s === 'u64' && ty === 'i64');
    if (widening && this.chance(0.3)) {
      return { t: `(${e.t} as ${ty})`, ty, lo: e.lo, hi: e.hi, nz: false, lit: false, leaf: false };
    }
    return { t: `${ty}(${e.t})`, ty, lo: keeps ? e.lo : info.lo, hi: keeps ? e.hi : info.hi, nz: false, lit: false, leaf: false };
  }

  private affordable(f: Fn): boolean {
    const c = this.ctx;
    return c.cost + c.mult * f.cost <= c.costBudget && (f.prints === 0 || (c.canPrint && !c.inPrintArgs && c.prints + c.mult * f.prints <= 60));
  }

  private args(f: Fn, depth: number, recDepth?: string): string {
    const args = f.params.map((p, i) => {
      if (i === 0 && f.rec) return recDepth ?? String(this.range(0, 5));
      if (p === 'bool') return this.bex(depth - 1);
      return this.fit(this.ex(p, depth - 1)).t;
    });
    return args.join(', ');
  }

  private charge(f: Fn): void {
    this.ctx.cost += this.ctx.mult * f.cost;
    this.ctx.prints += this.ctx.mult * f.prints;
  }

  /** A call of a function returning `ty`, or null when none is affordable. */
  private callText(ty: VTy, depth: number): string | null {
    const c = this.ctx;
    // A depth-decremented call inside a recursion group (never in a loop).
    if (c.recGroup.length > 0 && c.recCallsLeft > 0 && c.mult === 1 && this.chance(0.6)) {
      const g = c.recGroup.filter((f) => f.ret === ty);
      if (g.length > 0) {
        const f = this.pick(g);
        c.recCallsLeft--;
        return `${f.name}(${this.args(f, depth, 'd - 1')})`;
      }
    }
    const fs = this.fns.filter((f) => f.ret === ty && this.affordable(f));
    if (fs.length === 0) return null;
    const f = this.pick(fs);
    this.charge(f);
    return `${f.name}(${this.args(f, depth)})`;
  }

  private call(ty: Ty, depth: number): Ex | null {
    const t = this.callText(ty, depth);
    if (t === null) return null;
    return { t, ty, lo: TY[ty].lo, hi: TY[ty].hi, nz: false, lit: false, leaf: false };
  }

  // ---- bool expressions --------------------------------------------------------

  private bex(depth: number): string {
    if (depth <= 0) {
      const vs = this.varsOf('bool');
      if (vs.length > 0 && this.chance(0.5)) return this.pick(vs).name;
      return this.compare(0);
    }
    const kind = this.weighted<string>([[45, 'cmp'], [5, 'notint'], [8, 'not'], [20, 'logic'], [10, 'var'], [3, 'lit'], [6, 'call'], [3, 'ternary']]);
    switch (kind) {
      case 'cmp':
        return this.compare(depth);
      case 'notint': {
        const ty = this.randTy();
        return `(!${this.typed(this.fit(this.ex(ty, depth - 1))).t})`;
      }
      case 'not':
        return `(!${this.bex(depth - 1)})`;
      case 'logic':
        return `(${this.bex(depth - 1)} ${this.pick(['&&', '||'])} ${this.bex(depth - 1)})`;
      case 'var': {
        const vs = this.varsOf('bool');
        return vs.length > 0 ? this.pick(vs).name : this.compare(depth);
      }
      case 'lit':
        return this.pick(['true', 'false']);
      case 'call':
        return this.callText('bool', depth) ?? this.compare(depth);
      default:
        return `(${this.bex(depth - 1)} ? ${this.bex(depth - 1)} : ${this.bex(depth - 1)})`;
    }
  }

  private compare(depth: number): string {
    const ty = this.randTy();
    let a = this.fit(this.ex(ty, depth - 1));
    let b = this.fit(this.ex(ty, depth - 1));
    if (a.lit && b.lit) a = this.typed(a);
    const op = this.pick(['==', '!=', '<', '<=', '>', '>=', '===', '!==']);
    return `(${a.t} ${op} ${b.t})`;
  }

  // ---- statements --------------------------------------------------------------

  private assignable(): Var[] {
    return this.visible().filter((v) => !v.readonly);
  }

  /** A value of type ty for storing: in range, never -0 for ≤ 32-bit types. */
  private value(ty: VTy, depth: number): string {
    if (ty === 'bool') return this.bex(depth);
    return this.fit(this.ex(ty, depth)).t;
  }

  /** The statements that bring v back into its storage range after an update. */
  private normalise(v: Var): string {
    const ty = v.ty as Ty;
    return TY[ty].wide ? `${v.name} %= ${B};` : `${v.name} = ${ty}(${v.name});`;
  }

  private block(depth: number, n: number, ind: string): string[] {
    this.ctx.scopes.push([]);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = this.stmt(depth, ind);
      lines.push(...s.lines);
      if (s.ends) break;
    }
    this.ctx.scopes.pop();
    return lines;
  }

  private stmt(depth: number, ind: string): { lines: string[]; ends: boolean } {
    const c = this.ctx;
    c.cost += c.mult;
    const ed = this.weighted<number>([[4, 1], [4, 2], [1, 3]]);
    const inLoop = c.loopDepth > 0;
    const canNest = depth > 0;
    const kind = this.weighted<string>([
      [18, 'decl'],
      [14, 'assign'],
      [8, 'compound'],
      [4, 'incdec'],
      [canNest ? 12 : 0, 'if'],
      [canNest && c.mult < 64 ? 9 : 0, 'loop'],
      [5, 'callstmt'],
      [c.canPrint && c.prints + c.mult <= 60 ? 8 : 0, 'print'],
      [inLoop ? 5 : 0, 'jump'],
      [c.ret !== 'toplevel' ? 2 : 0, 'return'],
      [canNest ? 2 : 0, 'block'],
      [canNest ? 3 : 0, 'switch'],
    ]);
    const one = (s: string): { lines: string[]; ends: boolean } => ({ lines: [ind + s], ends: false });
    switch (kind) {
      case 'decl': {
        const ty = this.randVTy();
        const init = this.value(ty, ed);
        const v = this.declare(ty);
        return one(`let ${v.name}: ${ty} = ${init};`);
      }
      case 'assign': {
        const vs = this.assignable();
        if (vs.length === 0) return one(`${this.declareLine(ed)}`);
        const v = this.pick(vs);
        return one(`${v.name} = ${this.value(v.ty, ed)};`);
      }
      case 'compound':
        return { lines: this.compound(ed).map((l) => ind + l), ends: false };
      case 'incdec': {
        const vs = this.assignable().filter((v) => v.ty !== 'bool' && !(v.ty === 'u64'));
        if (vs.length === 0) return one(this.declareLine(ed));
        const v = this.pick(vs);
        const op = this.pick([`${v.name}++`, `${v.name}--`, `++${v.name}`, `--${v.name}`]);
        return { lines: [ind + op + ';', ind + this.normalise(v)], ends: false };
      }
      case 'if':
        return { lines: this.ifStmt(depth, ind), ends: false };
      case 'loop':
        return { lines: this.loop(depth, ind), ends: false };
      case 'callstmt': {
        const fs = this.fns.filter((f) => this.affordable(f));
        if (fs.length === 0) return one(this.declareLine(ed));
        const f = this.pick(fs);
        this.charge(f);
        return one(`${f.name}(${this.args(f, ed)});`);
      }
      case 'print': {
        c.prints += c.mult;
        return one(`console.log(${this.printArgs(ed)});`);
      }
      case 'switch':
        return { lines: this.switchStmt(depth, ind), ends: false };
      case 'jump': {
        let j = this.pick(['break', 'continue']);
        if (c.labels.length > 0 && this.chance(0.4)) j += ' ' + this.pick(c.labels);
        if (this.chance(0.15)) return { lines: [ind + j + ';'], ends: true };
        return one(`if (${this.bex(ed)}) ${j};`);
      }
      case 'return': {
        const r = c.ret as VTy | 'void';
        const val = r === 'void' ? '' : ' ' + this.value(r, ed);
        if (this.chance(0.1)) return { lines: [ind + `return${val};`], ends: true };
        return one(`if (${this.bex(ed)}) return${val};`);
      }
      default: {
        const body = this.block(depth - 1, this.range(1, 3), ind + '  ');
        return { lines: [ind + '{', ...body, ind + '}'], ends: false };
      }
    }
  }

  private declareLine(ed: number): string {
    const ty = this.randTy();
    const init = this.value(ty, ed);
    const v = this.declare(ty);
    return `let ${v.name}: ${ty} = ${init};`;
  }

  private compound(ed: number): string[] {
    const vs = this.assignable().filter((v) => v.ty !== 'bool');
    if (vs.length === 0) return [this.declareLine(ed)];
    const v = this.pick(vs);
    const ty = v.ty as Ty;
    const info = TY[ty];
    const ops = ['+=', '*=', '/=', '%='];
    if (ty !== 'u64') ops.push('-=');
    if (!info.wide) ops.push('&=', '|=', '^=', '<<=');
    if (!info.wide && ty !== 'u32') ops.push('>>=');
    if (!info.wide && !info.signed) ops.push('>>>=');
    const op = this.pick(ops);
    let rhs: Ex;
    if (op === '/=' || op === '%=') rhs = this.divisor(ty, ed);
    else if (op === '<<=' || op === '>>=' || op === '>>>=') return [`${v.name} ${op} ${this.count(ed)};`, this.normalise(v)];
    else rhs = this.fit(this.ex(ty, ed));
    if (op === '*=') {
      rhs = this.fit(rhs);
      const m = info.wide ? 4096 : 0xfffff;
      if (Math.max(Math.abs(rhs.lo), Math.abs(rhs.hi)) > m) {
        rhs = info.wide ? { ...rhs, t: `(${rhs.t} % ${m})` } : { ...rhs, t: `(${rhs.t} & ${m})` };
      }
    }
    const lines = [`${v.name} ${op} ${rhs.t};`];
    // `&= |= ^=` keep ≤ 32-bit signed and small unsigned values in range; everything else is normalised.
    const inRange = ['&=', '|=', '^='].includes(op) && ty !== 'u32';
    if (!inRange) lines.push(info.wide && (op === '/=' ) ? `${v.name} = ${ty}(${v.name});` : this.normalise(v));
    return lines;
  }

  // BUG (tskc, reported): console.log(a, f()) prints `a` before evaluating
  // f(), so output printed by f lands inside the line (Node evaluates every
  // argument first). Until fixed, arguments never call printing functions.
  private printArgs(ed: number): string {
    this.ctx.inPrintArgs = true;
    try {
      return this.printArgsInner(ed);
    } finally {
      this.ctx.inPrintArgs = false;
    }
  }

  private printArgsInner(ed: number): string {
    const n = this.weighted<number>([[1, 0], [8, 1], [8, 2], [4, 3], [2, 5]]);
    const args: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = this.weighted<string>([[6, 'int'], [2, 'bool'], [2, 'str']]);
      if (k === 'bool') args.push(this.bex(ed));
      else if (k === 'str') {
        if (this.strs.length > 0 && this.chance(0.3)) args.push(this.pick(this.strs).name);
        else args.push(JSON.stringify(this.pick(STRINGS)).replace(/\\\\/g, '\\'));
      } else {
        const e = this.fit(this.ex(this.randTy(), ed));
        args.push(TY[e.ty].wide && !e.lit ? `(${e.t} + 0)` : e.t);
      }
    }
    return args.join(', ');
  }

  private ifStmt(depth: number, ind: string): string[] {
    const cond = this.chance(0.1) ? this.typed(this.fit(this.ex(this.randTy(), 2))).t : this.bex(this.range(1, 3));
    const lines = [`${ind}if (${cond}) {`, ...this.block(depth - 1, this.range(1, 3), ind + '  ')];
    const k = this.weighted<string>([[4, 'none'], [4, 'else'], [2, 'elseif']]);
    if (k === 'else') {
      lines.push(`${ind}} else {`, ...this.block(depth - 1, this.range(1, 3), ind + '  '));
    } else if (k === 'elseif') {
      lines.push(`${ind}} else if (${this.bex(2)}) {`, ...this.block(depth - 1, this.range(1, 3), ind + '  '));
      if (this.chance(0.5)) lines.push(`${ind}} else {`, ...this.block(depth - 1, this.range(1, 3), ind + '  '));
    }
    lines.push(`${ind}}`);
    return lines;
  }

  /**
   * A switch on an integer (or bool) with literal cases, some grouped, some
   * falling through empty; every non-empty case ends in break (TypeScript's
   * noFallthroughCasesInSwitch), and a `break` inside breaks the switch.
   */
  private switchStmt(depth: number, ind: string): string[] {
    if (this.chance(0.1)) {
      // A comparison: TypeScript narrows bool variables and literals, and `case false` would not type-check.
      const lines = [`${ind}switch (${this.compare(2)}) {`];
      for (const v of this.chance(0.5) ? ['true', 'false'] : ['false']) {
        lines.push(`${ind}  case ${v}:`, ...this.block(depth - 1, this.range(1, 2), ind + '    '), `${ind}    break;`);
      }
      if (this.chance(0.5)) lines.push(`${ind}  default:`, ...this.block(depth - 1, 1, ind + '    '));
      lines.push(`${ind}}`);
      return lines;
    }
    const ty = this.pick<Ty>(['i32', 'i32', 'u8', 'u32', 'i64', 'i8', 'u16']);
    const disc = this.typed(this.fit(this.ex(ty, 2)));
    const values = new Set<number>();
    const lines = [`${ind}switch (${disc.t}) {`];
    const ncases = this.range(1, 4);
    for (let i = 0; i < ncases; i++) {
      const v = this.chance(0.5) ? this.range(0, 6) : this.litValue(ty);
      if (values.has(v)) continue;
      values.add(v);
      lines.push(`${ind}  case ${this.literal(ty, v).t}:`);
      if (this.chance(0.25)) continue; // grouped with the next case
      const body = this.block(depth - 1, this.range(1, 2), ind + '    ');
      lines.push(...body, `${ind}    break;`);
    }
    if (this.chance(0.6)) lines.push(`${ind}  default:`, ...this.block(depth - 1, 1, ind + '    '));
    else lines.push(`${ind}    break;`);
    lines.push(`${ind}}`);
    return lines;
  }

  private loop(depth: number, ind: string): string[] {
    const c = this.ctx;
    const n = this.weighted<number>([[1, 0], [2, 1], [6, this.range(2, 5)], [3, this.range(6, 10)]]);
    const kind = this.pick(['for', 'for', 'fordown', 'forstep', 'while', 'do']);
    const cty = kind === 'for' ? this.pick<Ty>(['i32', 'i32', 'u8', 'u32', 'i64']) : 'i32';
    const saved = c.mult;
    c.mult *= Math.max(1, n);
    c.loopDepth++;
    const label = this.chance(0.25) ? `L${c.nextLocal++}` : null;
    const lab = label ? `${label}: ` : '';
    if (label) c.labels.push(label);
    let lines: string[];
    const extra = (): string => (this.chance(0.25) ? ` && ${this.bex(1)}` : '');
    if (kind === 'while' || kind === 'do') {
      const k = this.declare('i32', true, 'k');
      c.scopes.push([]);
      const body = this.block(depth - 1, this.range(1, 4), ind + '  ');
      c.scopes.pop();
      const cond = `${k.name} < ${n}${extra()}`;
      lines = [`${ind}let ${k.name}: i32 = 0;`];
      if (kind === 'while') lines.push(`${ind}${lab}while (${cond}) {`, `${ind}  ${k.name}++;`, ...body, `${ind}}`);
      else lines.push(`${ind}${lab}do {`, `${ind}  ${k.name}++;`, ...body, `${ind}} while (${cond});`);
    } else {
      c.scopes.push([]);
      const i = this.declare(cty, true, 'j');
      const cond = kind === 'fordown' ? `${i.name} > 0` : `${i.name} < ${kind === 'forstep' ? 2 * n : n}`;
      const head =
        kind === 'fordown'
          ? `for (let ${i.name}: ${cty} = ${n}; ${cond}${extra()}; ${i.name}--)`
          : kind === 'forstep'
            ? `for (let ${i.name}: ${cty} = 0; ${cond}${extra()}; ${i.name} += 2)`
            : `for (let ${i.name}: ${cty} = 0; ${cond}${extra()}; ${i.name}++)`;
      const body = this.block(depth - 1, this.range(1, 4), ind + '  ');
      c.scopes.pop();
      lines = [`${ind}${lab}${head} {`, ...body, `${ind}}`];
    }
    if (label) c.labels.pop();
    c.loopDepth--;
    c.mult = saved;
    return lines;
  }

  // ---- functions and programs -----------------------------------------------------

  private newCtx(ret: FnCtx['ret'], params: Var[], budget: number, canPrint: boolean, recGroup: Fn[] = []): FnCtx {
    return { scopes: [params], ret, mult: 1, loopDepth: 0, labels: [], cost: 1, prints: 0, costBudget: budget, canPrint, recGroup, recCallsLeft: 2, nextLocal: 0, inPrintArgs: false };
  }

  private paramList(f: Fn): { vars: Var[]; text: string } {
    const vars = f.params.map((ty, i) => ({ name: f.rec && i === 0 ? 'd' : `a${i}`, ty, readonly: f.rec && i === 0 }));
    return { vars, text: vars.map((v) => `${v.name}: ${v.ty}`).join(', ') };
  }

  private func(): void {
    const nparams = this.weighted<number>([[2, 0], [4, 1], [5, 2], [4, 3], [2, 5], [2, 7], [1, 9]]);
    const f: Fn = {
      name: `${this.prefix}f${this.uid++}`,
      params: Array.from({ length: nparams }, () => this.randVTy()),
      ret: this.weighted<VTy | 'void'>([[8, 'value'], [1, 'bool'], [2, 'void']].map(([w, k]) => [w as number, k === 'value' ? this.randTy() : (k as VTy | 'void')])),
      cost: 0,
      prints: 0,
      rec: false,
    };
    const { vars, text } = this.paramList(f);
    const canPrint = this.chance(0.3);
    this.ctx = this.newCtx(f.ret, vars, 3000, canPrint);
    const body = this.block(this.range(1, 3), this.range(2, 5), '  ');
    if (f.ret !== 'void') body.push(`  return ${this.value(f.ret, 3)};`);
    f.cost = this.ctx.cost;
    f.prints = this.ctx.prints;
    this.out.push(`function ${f.name}(${text}): ${f.ret} {`, ...body, '}');
    this.fns.push(f);
  }

  /** One function, or two mutually recursive ones, with a depth parameter. */
  private recGroup(): void {
    const size = this.chance(0.3) ? 2 : 1;
    const ret = this.randTy();
    const group: Fn[] = [];
    for (let i = 0; i < size; i++) {
      const params: VTy[] = ['i32', ...Array.from({ length: this.range(1, 3) }, () => this.randVTy())];
      group.push({ name: `${this.prefix}r${this.uid++}`, params, ret, cost: 0, prints: 0, rec: true });
    }
    let bodyCost = 0;
    for (const f of group) {
      const { vars, text } = this.paramList(f);
      this.ctx = this.newCtx(f.ret, vars, 150, false, group);
      this.ctx.recCallsLeft = 0; // the base case must not recurse
      const base = this.value(ret, 2);
      this.ctx.recCallsLeft = 2;
      const body = this.block(1, this.range(1, 4), '  ');
      body.push(`  return ${this.value(ret, 3)};`);
      bodyCost = Math.max(bodyCost, this.ctx.cost);
      this.out.push(`function ${f.name}(${text}): ${ret} {`, `  if (d <= 0) return ${base};`, ...body, '}');
    }
    // Depth ≤ 5 at call sites, at most two recursive calls per activation.
    for (const f of group) f.cost = bodyCost * 64;
    this.fns.push(...group);
  }

  private globalsDecl(): void {
    const n = this.range(0, 4);
    this.ctx = this.newCtx('toplevel', [], 1e9, false);
    for (let i = 0; i < n; i++) {
      const k = this.weighted<string>([[3, 'const'], [4, 'let'], [2, 'letexpr'], [1, 'bool'], [1, 'str']]);
      if (k === 'str') {
        const s = this.pick(STRINGS.filter((x) => /^[ -~]*$/.test(x)));
        const name = `${this.prefix}s${this.uid++}`;
        this.out.push(`const ${name}: string = ${JSON.stringify(s)};`);
        this.strs.push({ name, len: s.length });
        continue;
      }
      const ty: VTy = k === 'bool' ? 'bool' : this.randTy();
      const name = `${this.prefix}g${this.uid++}`;
      // Initialisers read earlier globals only (no calls: a function could read a later one).
      const saved = this.fns;
      this.fns = [];
      const init = k === 'letexpr' || k === 'bool' ? this.value(ty, 2) : ty === 'bool' ? 'true' : this.literal(ty as Ty).t;
      this.fns = saved;
      const decl = k === 'const' ? 'const' : 'let';
      this.out.push(`${decl} ${name}: ${ty} = ${init};`);
      this.globals.push({ name, ty, readonly: k === 'const' });
    }
  }

  generate(): string {
    this.out.push(`// program ${this.prefix} seed ${this.seed}`);
    this.globalsDecl();
    const objects = objectPart(this.seed, this.prefix);
    this.out.push(...objects.decls);
    const nf = this.range(1, 3);
    const recAt = this.chance(0.4) ? this.int(nf + 1) : -1;
    for (let i = 0; i <= nf; i++) {
      if (i === recAt) this.recGroup();
      if (i < nf) this.func();
    }
    const top = this.chance(0.2);
    this.ctx = this.newCtx(top ? 'toplevel' : 'void', [], 60000, true);
    this.ctx.prints = 1;
    const body = this.block(this.range(2, 3), this.range(3, 7), '  ');
    const tail = this.globals.filter((g) => g.ty !== 'bool').slice(0, 4).map((g) => (TY[g.ty as Ty].wide ? `(${g.name} + 0)` : g.name));
    if (tail.length > 0) body.push(`  console.log(${tail.join(', ')});`);
    const marker = `  console.log("#${this.prefix.replace(/_$/, '')}");`;
    if (top) {
      this.out.push('{', marker, ...body, '}');
    } else {
      const main = `${this.prefix}main`;
      this.out.push(`function ${main}(): void {`, marker, ...body, '}', `${main}();`);
    }
    this.out.push(...objects.func, objects.call);
    return this.out.join('\n') + '\n';
  }
}

/** One generated program: its source text (prefixed names, a `#name` marker line first). */
export function generateProgram(seed: number, name: string): string {
  return new ProgramGenerator(seed, `${name}_`).generate();
}
