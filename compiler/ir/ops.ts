// The IR's op table: every instruction the IR has, with its operand shape.
// One row per op (QBE's ops.h is the model); the printer, parser, verifier,
// passes and instruction selection all read their facts from here.
import { machineOpRows } from './machine.js';

/**
 * Value classes: `w` is a 32-bit integer, `l` a 64-bit integer or address,
 * `s` an IEEE-754 binary32 float (f32), `d` a binary64 float (f64).
 */
export type Cls = 'w' | 'l' | 's' | 'd';
/** The integer classes and the floating-point classes. */
export type IntCls = 'w' | 'l';
export type FloatCls = 's' | 'd';
export const INT_CLASSES: readonly Cls[] = ['w', 'l'];
export const FLOAT_CLASSES: readonly Cls[] = ['s', 'd'];
export const ALL_CLASSES: readonly Cls[] = ['w', 'l', 's', 'd'];
export const isFloatCls = (c: Cls | null | undefined): c is FloatCls => c === 's' || c === 'd';

/** How an op's operands are classed: as the instruction's class, or fixed. */
type ArgCls = Cls | 'same' | 'any';

export interface OpInfo {
  /** Operand classes in order; `same` means the instruction's own class. */
  args: ArgCls[];
  /** Whether the op defines a result temporary. */
  result: boolean;
  /** Ops with effects are never removed or reordered by passes. */
  effect: boolean;
  /**
   * Pure ops that passes may evaluate when every operand is an integer
   * constant: integer classes only (they return undefined for s/d). Folding
   * that also covers floats is `foldInstr` in fold.ts.
   */
  fold?: (a: bigint, b: bigint, cls: Cls) => bigint | undefined;
  /** For comparisons: the class the operands are compared in is in `argCls`. */
  compare?: boolean;
  /**
   * Pure ops that can fault (integer division: by zero, or the most negative
   * value by -1): passes must not run one where the program would not.
   */
  traps?: boolean;
  /** Commutative binary ops (isel may swap operands). */
  commutes?: boolean;
  /** The classes the instruction may have (its result class, or a store's value class); default w and l. */
  classes?: readonly Cls[];
  /** Comparisons: the operand classes (argCls) allowed; default w and l. */
  argClasses?: readonly Cls[];
}

/** The classes an op's instruction may have. */
export function opClasses(info: OpInfo): readonly Cls[] {
  return info.classes ?? INT_CLASSES;
}

// Bit widths per class; s and d are their bit patterns' widths.
const MASK: Record<Cls, bigint> = { w: 0xffffffffn, l: 0xffffffffffffffffn, s: 0xffffffffn, d: 0xffffffffffffffffn };
const BITS: Record<Cls, bigint> = { w: 32n, l: 64n, s: 32n, d: 64n };

/** Wraps v to the class's width, as an unsigned bit pattern. */
export function wrapU(v: bigint, cls: Cls): bigint {
  return v & MASK[cls];
}

/** Wraps v to the class's width, read back as a signed value. */
export function wrapS(v: bigint, cls: Cls): bigint {
  return BigInt.asIntN(Number(BITS[cls]), v);
}

/** An integer fold that declines float classes (those fold in fold.ts). */
const intOnly = (f: (a: bigint, b: bigint, c: Cls) => bigint | undefined) =>
  (a: bigint, b: bigint, c: Cls): bigint | undefined => (isFloatCls(c) ? undefined : f(a, b, c));
const bin = (f: (a: bigint, b: bigint, c: Cls) => bigint | undefined, commutes = false, classes?: readonly Cls[]): OpInfo =>
  ({ args: ['same', 'same'], result: true, effect: false, fold: intOnly(f), commutes, ...(classes ? { classes } : {}) });
const shift = (f: (a: bigint, n: bigint, c: Cls) => bigint): OpInfo =>
  ({ args: ['same', 'w'], result: true, effect: false, fold: (a, b, c) => f(a, b & (BITS[c] - 1n), c) });
const cmp = (f: (a: bigint, b: bigint) => boolean, signed: boolean, argClasses?: readonly Cls[]): OpInfo => ({
  args: ['any', 'any'], result: true, effect: false, compare: true, ...(argClasses ? { argClasses } : {}),
  // Operands are compared in argCls; folding is done by the pass with that class.
  fold: (a, b, c) => {
    if (isFloatCls(c)) return undefined;
    const x = signed ? wrapS(a, c) : wrapU(a, c);
    const y = signed ? wrapS(b, c) : wrapU(b, c);
    return f(x, y) ? 1n : 0n;
  },
});
const ext = (bits: number, signed: boolean): OpInfo => ({
  args: ['any'], result: true, effect: false,
  fold: (a) => (signed ? BigInt.asIntN(bits, a) : BigInt.asUintN(bits, a)),
});
const load = (classes?: readonly Cls[]): OpInfo => ({ args: ['l'], result: true, effect: false, ...(classes ? { classes } : {}) });
const store = (v: Cls): OpInfo => ({ args: [v, 'l'], result: false, effect: true, classes: [v] });
/** Float comparisons: no integer fold; fold.ts folds them. */
const fcmp = (): OpInfo => ({ args: ['any', 'any'], result: true, effect: false, compare: true, argClasses: FLOAT_CLASSES });
/** Conversions: one operand of a fixed class, result in `classes`. */
const conv = (arg: Cls, classes: readonly Cls[]): OpInfo => ({ args: [arg], result: true, effect: false, classes });

export const OPS = {
  // Arithmetic and logic: operands and result in the instruction's class.
  // add, sub, mul, neg and copy exist in every class; div only for floats.
  add: bin((a, b) => a + b, true, ALL_CLASSES),
  sub: bin((a, b) => a - b, false, ALL_CLASSES),
  mul: bin((a, b) => a * b, true, ALL_CLASSES),
  /** Square root, correctly rounded (sqrtss/sqrtsd; Math.sqrt). */
  sqrt: { args: ['same'], result: true, effect: false, classes: FLOAT_CLASSES } as OpInfo,
  /** Floating-point division (integers use sdiv/udiv). */
  div: { args: ['same', 'same'], result: true, effect: false, classes: FLOAT_CLASSES } as OpInfo,
  sdiv: { ...bin((a, b, c) => (wrapS(b, c) === 0n ? undefined : wrapS(a, c) / wrapS(b, c))), traps: true },
  udiv: { ...bin((a, b, c) => (wrapU(b, c) === 0n ? undefined : wrapU(a, c) / wrapU(b, c))), traps: true },
  srem: { ...bin((a, b, c) => (wrapS(b, c) === 0n ? undefined : wrapS(a, c) % wrapS(b, c))), traps: true },
  urem: { ...bin((a, b, c) => (wrapU(b, c) === 0n ? undefined : wrapU(a, c) % wrapU(b, c))), traps: true },
  and: bin((a, b) => a & b, true),
  or: bin((a, b) => a | b, true),
  xor: bin((a, b) => a ^ b, true),
  shl: shift((a, n) => a << n),
  sar: shift((a, n, c) => wrapS(a, c) >> n),
  shr: shift((a, n, c) => wrapU(a, c) >> n),
  /** Negation; for s/d it flips the sign bit (so -0.0 and NaNs are exact). */
  neg: { args: ['same'], result: true, effect: false, fold: intOnly((a) => -a), classes: ALL_CLASSES } as OpInfo,
  not: { args: ['same'], result: true, effect: false, fold: (a) => ~a } as OpInfo,
  copy: { args: ['same'], result: true, effect: false, fold: intOnly((a) => a), classes: ALL_CLASSES } as OpInfo,

  // Comparisons: the result is a `w` 0 or 1; operands are in the instruction's argCls.
  // ceq and cne work in every class; with s/d they compare as IEEE values, as
  // JS == and != do: +0 == -0, and NaN is unequal to everything, itself included.
  ceq: cmp((a, b) => a === b, false, ALL_CLASSES),
  cne: cmp((a, b) => a !== b, false, ALL_CLASSES),
  cslt: cmp((a, b) => a < b, true),
  csle: cmp((a, b) => a <= b, true),
  csgt: cmp((a, b) => a > b, true),
  csge: cmp((a, b) => a >= b, true),
  cult: cmp((a, b) => a < b, false),
  cule: cmp((a, b) => a <= b, false),
  cugt: cmp((a, b) => a > b, false),
  cuge: cmp((a, b) => a >= b, false),
  // Float-only ordered comparisons (argCls s or d), as JS <, <=, >, >=:
  // false when either operand is NaN. (So !(a < b) is not a >= b.)
  clt: fcmp(),
  cle: fcmp(),
  cgt: fcmp(),
  cge: fcmp(),

  // Width changes: sign/zero extension of the low 8/16/32 bits, and l -> w.
  extsb: ext(8, true),
  extub: ext(8, false),
  extsh: ext(16, true),
  extuh: ext(16, false),
  extsw: ext(32, true),
  extuw: ext(32, false),
  trunc: { args: ['l'], result: true, effect: false, fold: (a) => BigInt.asUintN(32, a) } as OpInfo,

  // Float conversions (folded by fold.ts). Int → float rounds to nearest-even.
  /** f32 → f64 (exact). */
  exts: conv('s', ['d']),
  /** f64 → f32, rounded to nearest-even. */
  truncd: conv('d', ['s']),
  /** Signed w / l → s or d. */
  swtof: conv('w', FLOAT_CLASSES),
  sltof: conv('l', FLOAT_CLASSES),
  /** Unsigned w / l → s or d. */
  uwtof: conv('w', FLOAT_CLASSES),
  ultof: conv('l', FLOAT_CLASSES),
  /**
   * s / d → signed w or l, truncating toward zero. NaN and values whose
   * truncation does not fit give the "integer indefinite" value (x86
   * cvttsd2si): 0x80000000 for w, 0x8000000000000000 for l.
   */
  stosi: conv('s', INT_CLASSES),
  dtosi: conv('d', INT_CLASSES),
  /** Bit cast between classes of one width: l <-> d, w <-> s (the operand is the other class). */
  cast: { args: ['any'], result: true, effect: false, classes: ALL_CLASSES } as OpInfo,

  // Memory: loads take an address; stores take a value and an address.
  // `volatile` on the instruction forbids removing, merging or reordering them.
  loadsb: load(),
  loadub: load(),
  loadsh: load(),
  loaduh: load(),
  loadsw: load(),
  loaduw: load(),
  loadl: load(),
  /** f32 and f64 loads: result class s / d. */
  loads: load(['s']),
  loadd: load(['d']),
  storeb: store('w'),
  storeh: store('w'),
  storew: store('w'),
  storel: store('l'),
  stores: store('s'),
  stored: store('d'),
  /** Address of a fresh stack slot: args are constant size and alignment. */
  alloc: { args: ['l', 'l'], result: true, effect: false } as OpInfo,

  // Calls: `callee` names a function; args are any classes. Result optional.
  call: { args: [], result: true, effect: true, classes: ALL_CLASSES } as OpInfo,

  /** Linux-ABI system call: number, then up to six arguments; result `l`. */
  syscall: { args: [], result: true, effect: true } as OpInfo,

  // Machine operations the language exposes as intrinsics (machine.ts).
  ...machineOpRows(),

  /**
   * Inline assembly (ir/asm.ts): args are its inputs, the result its first
   * output. Never removed or reordered unless its options say `pure`.
   */
  asm: { args: [], result: true, effect: true, classes: ALL_CLASSES } as OpInfo,
  /** Output k > 0 of the asm whose result is operand 1 (k is operand 2); directly after it. */
  asmout: { args: ['any', 'l'], result: true, effect: false, classes: ALL_CLASSES } as OpInfo,
  /** The frame pointer, rbp: every function keeps the chain (saved rbp, then the return address above it). */
  frameaddr: { args: [], result: true, effect: false, classes: ['l'] } as OpInfo,
} satisfies Record<string, OpInfo>;

export type Op = keyof typeof OPS;

export function opInfo(op: Op): OpInfo {
  return OPS[op];
}

export function isOp(name: string): name is Op {
  return Object.prototype.hasOwnProperty.call(OPS, name);
}

/** The class a `cast` to class c reads: the other class of the same width. */
export const CAST_FROM: Record<Cls, Cls> = { w: 's', s: 'w', l: 'd', d: 'l' };

/**
 * For a comparison op, the op that tests the opposite condition. Valid for
 * every argCls it is defined for (ceq/cne also for floats); the float
 * orderings clt… have no entry, because with NaN !(a < b) is not a >= b.
 */
export const NEGATED_CMP: Partial<Record<Op, Op>> = {
  ceq: 'cne', cne: 'ceq', cslt: 'csge', csge: 'cslt', csle: 'csgt', csgt: 'csle',
  cult: 'cuge', cuge: 'cult', cule: 'cugt', cugt: 'cule',
};
