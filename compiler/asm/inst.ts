// Instruction encodings: mnemonic and parsed operands → bytes and fixups,
// choosing the form NASM picks with its default optimisation (-Ox): the
// sign-extended imm8 forms, `mov r64, imm` as `mov r32, imm32` when the
// value fits, shifts by 1 as D1, the accumulator short forms. Jumps and
// calls to labels are left to layout.ts (their size depends on distance).
import { AsmUnsupported, constExpr } from './expr.js';
import type { Expr } from './expr.js';
import { encode, encodePlain, fits8 } from './modrm.js';
import type { Enc } from './modrm.js';
import type { ImmOp, MemOp, Op, RegOp } from './operand.js';
import { encodeSystem } from './sysinst.js';

export const CC: Record<string, number> = {
  o: 0, no: 1, b: 2, c: 2, nae: 2, ae: 3, nb: 3, nc: 3, e: 4, z: 4, ne: 5, nz: 5, be: 6, na: 6, a: 7, nbe: 7,
  s: 8, ns: 9, p: 10, pe: 10, np: 11, po: 11, l: 12, nge: 12, ge: 13, nl: 13, le: 14, ng: 14, g: 15, nle: 15,
};

const ALU: Record<string, number> = { add: 0, or: 1, adc: 2, sbb: 3, and: 4, sub: 5, xor: 6, cmp: 7 };
const SHIFT: Record<string, number> = { rol: 0, ror: 1, shl: 4, sal: 4, shr: 5, sar: 7 };
const UNARY: Record<string, number> = { not: 2, neg: 3, mul: 4, div: 6, idiv: 7 };
const NOARG: Record<string, number[]> = {
  ret: [0xc3], ud2: [0x0f, 0x0b], syscall: [0x0f, 0x05], cqo: [0x48, 0x99], cdq: [0x99], hlt: [0xf4], cli: [0xfa],
  sti: [0xfb], pause: [0xf3, 0x90], int3: [0xcc], swapgs: [0x0f, 0x01, 0xf8], stac: [0x0f, 0x01, 0xcb],
  clac: [0x0f, 0x01, 0xca], mfence: [0x0f, 0xae, 0xf0], lfence: [0x0f, 0xae, 0xe8], sfence: [0x0f, 0xae, 0xf8],
  pushfq: [0x9c], popfq: [0x9d], iretq: [0x48, 0xcf], rdtsc: [0x0f, 0x31], rdmsr: [0x0f, 0x32], wrmsr: [0x0f, 0x30],
  cpuid: [0x0f, 0xa2], clts: [0x0f, 0x06], retfq: [0x48, 0xcb], cld: [0xfc], nop: [0x90], leave: [0xc9],
  insb: [0x6c], insw: [0x66, 0x6d], insd: [0x6d], outsb: [0x6e], outsw: [0x66, 0x6f], outsd: [0x6f],
  movsb: [0xa4], movsq: [0x48, 0xa5], stosb: [0xaa], stosq: [0x48, 0xab],
};
/** SSE ops reg, reg/mem: [prefix, opcode]. */
const SSE: Record<string, [number | null, number]> = {
  addsd: [0xf2, 0x58], subsd: [0xf2, 0x5c], mulsd: [0xf2, 0x59], divsd: [0xf2, 0x5e], sqrtsd: [0xf2, 0x51],
  addss: [0xf3, 0x58], subss: [0xf3, 0x5c], mulss: [0xf3, 0x59], divss: [0xf3, 0x5e], sqrtss: [0xf3, 0x51],
  ucomisd: [0x66, 0x2e], ucomiss: [null, 0x2e], xorps: [null, 0x57], cvtss2sd: [0xf3, 0x5a], cvtsd2ss: [0xf2, 0x5a],
};

const bad = (mn: string, ops: Op[]): AsmUnsupported =>
  new AsmUnsupported(`instruction '${mn}' with operands ${ops.map((o) => o.k).join(', ') || 'none'}`);

const isGp = (o: Op): o is RegOp => o.k === 'reg' && o.cls === 'gp';
const isXmm = (o: Op): o is RegOp => o.k === 'reg' && o.cls === 'xmm';
const rm = (o: Op): o is RegOp | MemOp => isGp(o) || o.k === 'mem';
/** Operand-size prefix and REX.W for a width. */
const sizePfx = (w: number): number[] => (w === 2 ? [0x66] : []);
const byteRegsOf = (ops: Op[]): RegOp[] => ops.filter((o): o is RegOp => o.k === 'reg' && o.w === 1);

function widthOf(mn: string, ops: Op[]): number {
  for (const o of ops) if (o.k === 'reg' && o.cls === 'gp') return o.w;
  for (const o of ops) if (o.k === 'mem' && o.w) return o.w;
  throw new AsmUnsupported(`'${mn}' without an operand size`);
}

/** An immediate's constant value as NASM sees it for an operand of width w bytes (signed, truncated to w). */
const constOf = (o: ImmOp, w = 8): bigint | null => (o.e.terms.length === 0 ? BigInt.asIntN(w * 8, o.e.c) : null);

/** reg/mem with a register or immediate, or register with reg/mem: the ALU pattern (base opcode b). */
function alu(n: number, ops: Op[], mn: string): Enc {
  const [a, b] = ops;
  const w = widthOf(mn, ops);
  const pfx = sizePfx(w);
  const W = w === 8;
  const byte = w === 1 ? 0 : 1;
  if (rm(a) && isGp(b)) return encode({ pfx, w: W, op: [n * 8 + byte], reg: b.r, rm: a, byteRegs: byteRegsOf(ops) });
  if (isGp(a) && b.k === 'mem') return encode({ pfx, w: W, op: [n * 8 + 2 + byte], reg: a.r, rm: b, byteRegs: byteRegsOf(ops) });
  if (rm(a) && b.k === 'imm') {
    const v = constOf(b, w);
    if (w === 1 && a.k === 'reg' && a.r === 0) return encodePlain([], false, [n * 8 + 4], undefined, { size: 1, e: b.e });
    if (w === 1) return encode({ pfx, op: [0x80], reg: n, rm: a, imm: { size: 1, e: b.e }, byteRegs: byteRegsOf(ops) });
    if (v !== null && fits8(v)) return encode({ pfx, w: W, op: [0x83], reg: n, rm: a, imm: { size: 1, e: b.e } });
    const size = w === 2 ? 2 : 4;
    if (a.k === 'reg' && a.r === 0) return encodePlain(pfx, W, [n * 8 + 5], undefined, { size, e: b.e });
    return encode({ pfx, w: W, op: [0x81], reg: n, rm: a, imm: { size, e: b.e } });
  }
  throw bad(mn, ops);
}

function mov(ops: Op[]): Enc {
  const [a, b] = ops;
  if (a.k === 'reg' && a.cls === 'cr' && isGp(b)) return encode({ op: [0x0f, 0x22], reg: a.r, rm: b });
  if (isGp(a) && b.k === 'reg' && b.cls === 'cr') return encode({ op: [0x0f, 0x20], reg: b.r, rm: a });
  const w = widthOf('mov', ops);
  const pfx = sizePfx(w);
  const W = w === 8;
  const byte = w === 1 ? 0 : 1;
  if (rm(a) && isGp(b)) return encode({ pfx, w: W, op: [0x88 + byte], reg: b.r, rm: a, byteRegs: byteRegsOf(ops) });
  if (isGp(a) && b.k === 'mem') return encode({ pfx, w: W, op: [0x8a + byte], reg: a.r, rm: b, byteRegs: byteRegsOf(ops) });
  if (isGp(a) && b.k === 'imm') {
    const v = constOf(b);
    if (w === 1) return encodePlain(pfx, false, [0xb0], a, { size: 1, e: b.e });
    if (w === 2 || w === 4) return encodePlain(pfx, false, [0xb8], a, { size: w, e: b.e });
    if (v !== null && v >= 0n && v <= 0xffffffffn) return encodePlain([], false, [0xb8], a, { size: 4, e: b.e });
    if (v !== null && v >= -0x80000000n && v < 0n) return encode({ w: true, op: [0xc7], reg: 0, rm: a, imm: { size: 4, e: b.e } });
    return encodePlain([], true, [0xb8], a, { size: 8, e: b.e });
  }
  if (a.k === 'mem' && b.k === 'imm') {
    if (w === 1) return encode({ op: [0xc6], reg: 0, rm: a, imm: { size: 1, e: b.e } });
    return encode({ pfx, w: W, op: [0xc7], reg: 0, rm: a, imm: { size: w === 2 ? 2 : 4, e: b.e } });
  }
  throw bad('mov', ops);
}

function shift(n: number, ops: Op[], mn: string): Enc {
  const [a, b] = ops;
  if (!rm(a)) throw bad(mn, ops);
  const w = widthOf(mn, [a]);
  const pfx = sizePfx(w);
  const byte = w === 1 ? 0 : 1;
  const spec = { pfx, w: w === 8, reg: n, rm: a, byteRegs: byteRegsOf([a]) };
  if (isGp(b) && b.r === 1 && b.w === 1) return encode({ ...spec, op: [0xd2 + byte] });
  if (b?.k === 'imm') {
    if (constOf(b) === 1n) return encode({ ...spec, op: [0xd0 + byte] });
    return encode({ ...spec, op: [0xc0 + byte], imm: { size: 1, e: b.e } });
  }
  throw bad(mn, ops);
}

function sse(mn: string, ops: Op[]): Enc {
  const [a, b] = ops;
  const pfx = (p: number | null): number[] => (p === null ? [] : [p]);
  if (SSE[mn] && isXmm(a) && (isXmm(b) || b.k === 'mem')) {
    const [p, op] = SSE[mn];
    return encode({ pfx: pfx(p), op: [0x0f, op], reg: a.r, rm: b });
  }
  switch (mn) {
    case 'movsd': case 'movss': {
      const p = mn === 'movsd' ? 0xf2 : 0xf3;
      if (isXmm(a) && (isXmm(b) || b.k === 'mem')) return encode({ pfx: [p], op: [0x0f, 0x10], reg: a.r, rm: b });
      if (a.k === 'mem' && isXmm(b)) return encode({ pfx: [p], op: [0x0f, 0x11], reg: b.r, rm: a });
      break;
    }
    case 'movaps':
      if (isXmm(a) && (isXmm(b) || b.k === 'mem')) return encode({ op: [0x0f, 0x28], reg: a.r, rm: b });
      if (a.k === 'mem' && isXmm(b)) return encode({ op: [0x0f, 0x29], reg: b.r, rm: a });
      break;
    case 'cvtsi2sd': case 'cvtsi2ss':
      if (isXmm(a) && rm(b)) return encode({ pfx: [mn === 'cvtsi2sd' ? 0xf2 : 0xf3], w: widthOf(mn, [b]) === 8, op: [0x0f, 0x2a], reg: a.r, rm: b });
      break;
    case 'cvttsd2si': case 'cvttss2si':
      if (isGp(a) && (isXmm(b) || b.k === 'mem')) return encode({ pfx: [mn === 'cvttsd2si' ? 0xf2 : 0xf3], w: a.w === 8, op: [0x0f, 0x2c], reg: a.r, rm: b });
      break;
    case 'movq': case 'movd': {
      const W = mn === 'movq';
      if (isXmm(a) && isGp(b)) return encode({ pfx: [0x66], w: W, op: [0x0f, 0x6e], reg: a.r, rm: b });
      if (isGp(a) && isXmm(b)) return encode({ pfx: [0x66], w: W, op: [0x0f, 0x7e], reg: b.r, rm: a });
      if (isXmm(a) && b.k === 'mem') return W ? encode({ pfx: [0xf3], op: [0x0f, 0x7e], reg: a.r, rm: b }) : encode({ pfx: [0x66], op: [0x0f, 0x6e], reg: a.r, rm: b });
      if (a.k === 'mem' && isXmm(b)) return W ? encode({ pfx: [0x66], op: [0x0f, 0xd6], reg: b.r, rm: a }) : encode({ pfx: [0x66], op: [0x0f, 0x7e], reg: b.r, rm: a });
      break;
    }
  }
  throw bad(mn, ops);
}

/** Encodes one instruction other than a jump or call to a label. */
export function encodeInst(mn: string, ops: Op[]): Enc {
  if (NOARG[mn] && ops.length === 0) return { bytes: [...NOARG[mn]], fixes: [] };
  if (mn in ALU && ops.length === 2) return alu(ALU[mn], ops, mn);
  if (mn in SHIFT && ops.length === 2) return shift(SHIFT[mn], ops, mn);
  const [a, b, c] = ops;
  if (mn in UNARY && ops.length === 1 && rm(a)) {
    const w = widthOf(mn, ops);
    return encode({ pfx: sizePfx(w), w: w === 8, op: [w === 1 ? 0xf6 : 0xf7], reg: UNARY[mn], rm: a, byteRegs: byteRegsOf(ops) });
  }
  if (mn.startsWith('set') && CC[mn.slice(3)] !== undefined && ops.length === 1 && rm(a)) {
    return encode({ op: [0x0f, 0x90 + CC[mn.slice(3)]], reg: 0, rm: a, byteRegs: byteRegsOf(ops) });
  }
  if (mn.startsWith('cmov') && CC[mn.slice(4)] !== undefined && ops.length === 2 && isGp(a) && rm(b)) {
    return encode({ pfx: sizePfx(a.w), w: a.w === 8, op: [0x0f, 0x40 + CC[mn.slice(4)]], reg: a.r, rm: b });
  }
  switch (mn) {
    case 'mov':
      if (ops.length === 2 && a.k === 'reg' && a.cls === 'seg') return encodeSystem(mn, ops) ?? (() => { throw bad(mn, ops); })();
      if (ops.length === 2) return mov(ops);
      break;
    case 'bsf': case 'bsr':
      if (isGp(a) && rm(b) && a.w > 1) return encode({ pfx: sizePfx(a.w), w: a.w === 8, op: [0x0f, mn === 'bsf' ? 0xbc : 0xbd], reg: a.r, rm: b });
      break;
    case 'inc': case 'dec':
      if (ops.length === 1 && rm(a)) {
        const w = widthOf(mn, ops);
        return encode({ pfx: sizePfx(w), w: w === 8, op: [w === 1 ? 0xfe : 0xff], reg: mn === 'inc' ? 0 : 1, rm: a, byteRegs: byteRegsOf(ops) });
      }
      break;
    case 'int':
      if (a?.k === 'imm' && ops.length === 1) return encodePlain([], false, [0xcd], undefined, { size: 1, e: a.e });
      break;
    case 'lea':
      if (isGp(a) && b?.k === 'mem') return encode({ pfx: sizePfx(a.w), w: a.w === 8, op: [0x8d], reg: a.r, rm: b });
      break;
    case 'movzx': case 'movsx':
      if (isGp(a) && rm(b)) {
        const sw = b.k === 'reg' ? b.w : b.w;
        if (sw !== 1 && sw !== 2) break;
        const op = (mn === 'movzx' ? 0xb6 : 0xbe) + (sw === 2 ? 1 : 0);
        return encode({ pfx: sizePfx(a.w), w: a.w === 8, op: [0x0f, op], reg: a.r, rm: b, byteRegs: byteRegsOf([b]) });
      }
      break;
    case 'movsxd':
      if (isGp(a) && rm(b)) return encode({ w: true, op: [0x63], reg: a.r, rm: b });
      break;
    case 'test': {
      if (ops.length !== 2) break;
      const w = widthOf(mn, ops);
      const pfx = sizePfx(w);
      const byte = w === 1 ? 0 : 1;
      if (rm(a) && isGp(b)) return encode({ pfx, w: w === 8, op: [0x84 + byte], reg: b.r, rm: a, byteRegs: byteRegsOf(ops) });
      if (rm(a) && b.k === 'imm') {
        const size = w === 1 ? 1 : w === 2 ? 2 : 4;
        if (a.k === 'reg' && a.r === 0) return encodePlain(pfx, w === 8, [0xa8 + byte], undefined, { size, e: b.e });
        return encode({ pfx, w: w === 8, op: [0xf6 + byte], reg: 0, rm: a, imm: { size, e: b.e }, byteRegs: byteRegsOf(ops) });
      }
      break;
    }
    case 'imul':
      if (ops.length === 1 && rm(a)) {
        const w = widthOf(mn, ops);
        return encode({ pfx: sizePfx(w), w: w === 8, op: [w === 1 ? 0xf6 : 0xf7], reg: 5, rm: a });
      }
      if (ops.length === 2 && isGp(a) && rm(b)) return encode({ pfx: sizePfx(a.w), w: a.w === 8, op: [0x0f, 0xaf], reg: a.r, rm: b });
      if (ops.length === 2 && isGp(a) && b.k === 'imm') return encodeInst('imul', [a, a, b]);
      if (ops.length === 3 && isGp(a) && rm(b) && c.k === 'imm') {
        const v = constOf(c, a.w);
        const short = v !== null && fits8(v);
        return encode({ pfx: sizePfx(a.w), w: a.w === 8, op: [short ? 0x6b : 0x69], reg: a.r, rm: b, imm: { size: short ? 1 : a.w === 2 ? 2 : 4, e: c.e } });
      }
      break;
    case 'push':
      if (isGp(a) && a.w === 8) return encodePlain([], false, [0x50], a);
      if (a?.k === 'imm') {
        const v = constOf(a);
        return v !== null && fits8(v) ? encodePlain([], false, [0x6a], undefined, { size: 1, e: a.e }) : encodePlain([], false, [0x68], undefined, { size: 4, e: a.e });
      }
      if (a?.k === 'mem') return encode({ op: [0xff], reg: 6, rm: a });
      break;
    case 'pop':
      if (isGp(a) && a.w === 8) return encodePlain([], false, [0x58], a);
      break;
    case 'bswap':
      if (isGp(a) && a.w >= 4) return encodePlain([], a.w === 8, [0x0f, 0xc8], a);
      break;
    case 'in':
      if (isGp(a) && a.r === 0 && isGp(b) && b.r === 2 && b.w === 2) return encodePlain(sizePfx(a.w), false, [a.w === 1 ? 0xec : 0xed]);
      if (isGp(a) && a.r === 0 && b?.k === 'imm') return encodePlain(sizePfx(a.w), false, [a.w === 1 ? 0xe4 : 0xe5], undefined, { size: 1, e: b.e });
      break;
    case 'out':
      if (isGp(b) && b.r === 0 && isGp(a) && a.r === 2 && a.w === 2) return encodePlain(sizePfx(b.w), false, [b.w === 1 ? 0xee : 0xef]);
      if (isGp(b) && b.r === 0 && a?.k === 'imm') return encodePlain(sizePfx(b.w), false, [b.w === 1 ? 0xe6 : 0xe7], undefined, { size: 1, e: a.e });
      break;
    case 'lgdt': case 'lidt': case 'invlpg':
      if (a?.k === 'mem' && ops.length === 1) return encode({ op: [0x0f, 0x01], reg: { lgdt: 2, lidt: 3, invlpg: 7 }[mn], rm: a });
      break;
    case 'ltr':
      if (ops.length === 1 && rm(a)) return encode({ op: [0x0f, 0x00], reg: 3, rm: a });
      break;
    case 'call': case 'jmp':
      if (ops.length === 1 && (isGp(a) || a.k === 'mem')) return encode({ op: [0xff], reg: mn === 'call' ? 2 : 4, rm: a });
      break;
    default: {
      const sys = encodeSystem(mn, ops);
      if (sys) return sys;
      if (ops.length === 2) return sse(mn, ops);
    }
  }
  throw bad(mn, ops);
}

export const zeroExpr: Expr = constExpr(0n);
