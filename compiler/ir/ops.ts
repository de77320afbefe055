// The IR's op table: every instruction the IR has, with its operand shape.
// One row per op (QBE's ops.h is the model); the printer, parser, verifier,
// passes and instruction selection all read their facts from here.

/** Value classes: `w` is a 32-bit integer, `l` a 64-bit integer or address. */
export type Cls = 'w' | 'l';

/** How an op's operands are classed: as the instruction's class, or fixed. */
type ArgCls = Cls | 'same' | 'any';

export interface OpInfo {
  /** Operand classes in order; `same` means the instruction's own class. */
  args: ArgCls[];
  /** Whether the op defines a result temporary. */
  result: boolean;
  /** Ops with effects are never removed or reordered by passes. */
  effect: boolean;
  /** Pure ops that passes may evaluate when every operand is a constant. */
  fold?: (a: bigint, b: bigint, cls: Cls) => bigint | undefined;
  /** For comparisons: the class the operands are compared in is in `argCls`. */
  compare?: boolean;
  /** Commutative binary ops (isel may swap operands). */
  commutes?: boolean;
}

const MASK: Record<Cls, bigint> = { w: 0xffffffffn, l: 0xffffffffffffffffn };
const BITS: Record<Cls, bigint> = { w: 32n, l: 64n };

/** Wraps v to the class's width, as an unsigned bit pattern. */
export function wrapU(v: bigint, cls: Cls): bigint {
  return v & MASK[cls];
}

/** Wraps v to the class's width, read back as a signed value. */
export function wrapS(v: bigint, cls: Cls): bigint {
  return BigInt.asIntN(Number(BITS[cls]), v);
}

const bin = (f: (a: bigint, b: bigint, c: Cls) => bigint | undefined, commutes = false): OpInfo =>
  ({ args: ['same', 'same'], result: true, effect: false, fold: f, commutes });
const shift = (f: (a: bigint, n: bigint, c: Cls) => bigint): OpInfo =>
  ({ args: ['same', 'w'], result: true, effect: false, fold: (a, b, c) => f(a, b & (BITS[c] - 1n), c) });
const cmp = (f: (a: bigint, b: bigint) => boolean, signed: boolean): OpInfo => ({
  args: ['any', 'any'], result: true, effect: false, compare: true,
  // Operands are compared in argCls; folding is done by the pass with that class.
  fold: (a, b, c) => {
    const x = signed ? wrapS(a, c) : wrapU(a, c);
    const y = signed ? wrapS(b, c) : wrapU(b, c);
    return f(x, y) ? 1n : 0n;
  },
});
const ext = (bits: number, signed: boolean): OpInfo => ({
  args: ['any'], result: true, effect: false,
  fold: (a) => (signed ? BigInt.asIntN(bits, a) : BigInt.asUintN(bits, a)),
});
const load = (): OpInfo => ({ args: ['l'], result: true, effect: false });
const store = (v: Cls): OpInfo => ({ args: [v, 'l'], result: false, effect: true });
const effectOnly = (args: ArgCls[]): OpInfo => ({ args, result: false, effect: true });

export const OPS = {
  // Arithmetic and logic: operands and result in the instruction's class.
  add: bin((a, b) => a + b, true),
  sub: bin((a, b) => a - b),
  mul: bin((a, b) => a * b, true),
  sdiv: bin((a, b, c) => (wrapS(b, c) === 0n ? undefined : wrapS(a, c) / wrapS(b, c))),
  udiv: bin((a, b, c) => (wrapU(b, c) === 0n ? undefined : wrapU(a, c) / wrapU(b, c))),
  srem: bin((a, b, c) => (wrapS(b, c) === 0n ? undefined : wrapS(a, c) % wrapS(b, c))),
  urem: bin((a, b, c) => (wrapU(b, c) === 0n ? undefined : wrapU(a, c) % wrapU(b, c))),
  and: bin((a, b) => a & b, true),
  or: bin((a, b) => a | b, true),
  xor: bin((a, b) => a ^ b, true),
  shl: shift((a, n) => a << n),
  sar: shift((a, n, c) => wrapS(a, c) >> n),
  shr: shift((a, n, c) => wrapU(a, c) >> n),
  neg: { args: ['same'], result: true, effect: false, fold: (a) => -a } as OpInfo,
  not: { args: ['same'], result: true, effect: false, fold: (a) => ~a } as OpInfo,
  copy: { args: ['same'], result: true, effect: false, fold: (a) => a } as OpInfo,

  // Comparisons: the result is a `w` 0 or 1; operands are in the instruction's argCls.
  ceq: cmp((a, b) => a === b, false),
  cne: cmp((a, b) => a !== b, false),
  cslt: cmp((a, b) => a < b, true),
  csle: cmp((a, b) => a <= b, true),
  csgt: cmp((a, b) => a > b, true),
  csge: cmp((a, b) => a >= b, true),
  cult: cmp((a, b) => a < b, false),
  cule: cmp((a, b) => a <= b, false),
  cugt: cmp((a, b) => a > b, false),
  cuge: cmp((a, b) => a >= b, false),

  // Width changes: sign/zero extension of the low 8/16/32 bits, and l -> w.
  extsb: ext(8, true),
  extub: ext(8, false),
  extsh: ext(16, true),
  extuh: ext(16, false),
  extsw: ext(32, true),
  extuw: ext(32, false),
  trunc: { args: ['l'], result: true, effect: false, fold: (a) => BigInt.asUintN(32, a) } as OpInfo,

  // Memory: loads take an address; stores take a value and an address.
  // `volatile` on the instruction forbids removing, merging or reordering them.
  loadsb: load(),
  loadub: load(),
  loadsh: load(),
  loaduh: load(),
  loadsw: load(),
  loaduw: load(),
  loadl: load(),
  storeb: store('w'),
  storeh: store('w'),
  storew: store('w'),
  storel: store('l'),
  /** Address of a fresh stack slot: args are constant size and alignment. */
  alloc: { args: ['l', 'l'], result: true, effect: false } as OpInfo,

  // Calls: `callee` names a function; args are any classes. Result optional.
  call: { args: [], result: true, effect: true } as OpInfo,

  // Machine operations the language exposes as intrinsics.
  outb: effectOnly(['w', 'w']),
  outw: effectOnly(['w', 'w']),
  outl: effectOnly(['w', 'w']),
  inb: { args: ['w'], result: true, effect: true } as OpInfo,
  inw: { args: ['w'], result: true, effect: true } as OpInfo,
  inl: { args: ['w'], result: true, effect: true } as OpInfo,
  /** Linux-ABI system call: number, then up to six arguments; result `l`. */
  syscall: { args: [], result: true, effect: true } as OpInfo,
  hlt: effectOnly([]),
  cli: effectOnly([]),
  sti: effectOnly([]),
  pause: effectOnly([]),
} satisfies Record<string, OpInfo>;

export type Op = keyof typeof OPS;

export function opInfo(op: Op): OpInfo {
  return OPS[op];
}

export function isOp(name: string): name is Op {
  return Object.prototype.hasOwnProperty.call(OPS, name);
}

/** For a comparison op, the op that tests the opposite condition. */
export const NEGATED_CMP: Partial<Record<Op, Op>> = {
  ceq: 'cne', cne: 'ceq', cslt: 'csge', csge: 'cslt', csle: 'csgt', csgt: 'csle',
  cult: 'cuge', cuge: 'cult', cule: 'cugt', cugt: 'cule',
};
