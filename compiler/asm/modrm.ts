// The common x86-64 encoding step: legacy prefixes, REX, opcode, ModRM,
// SIB, displacement and immediate, with NASM's choices for the address
// forms (no displacement where none is needed, disp8 where it fits, a SIB
// byte only for rsp/r12 bases and indexed forms, rip-relative for an
// address without registers). Symbol values are left to fixups.
import { AsmUnsupported } from './expr.js';
import type { Expr } from './expr.js';
import type { MemOp, RegOp } from './operand.js';

/** A field to fill from an expression: `at` bytes into the instruction, `size` bytes, pc-relative or absolute. */
export interface Fix { at: number; size: 1 | 2 | 4 | 8; e: Expr; pc: boolean; signed: boolean }
export interface Enc { bytes: number[]; fixes: Fix[] }

export interface EncodeSpec {
  /** Mandatory/legacy prefixes (0x66, 0xf2, 0xf3), written before REX. */
  pfx?: number[];
  w?: boolean;
  op: number[];
  /** The ModRM reg field (a register number or an opcode extension). */
  reg: number;
  rm: RegOp | MemOp;
  imm?: { size: 1 | 2 | 4 | 8; e: Expr };
  /** A REX prefix is needed for spl/bpl/sil/dil among the byte registers. */
  byteRegs?: RegOp[];
}

export const fits8 = (v: bigint): boolean => v >= -128n && v <= 127n;
const fits32 = (v: bigint): boolean => v >= -0x80000000n && v <= 0x7fffffffn;

function pushLe(out: number[], v: bigint, size: number): void {
  let x = BigInt.asUintN(size * 8, v);
  for (let i = 0; i < size; i++) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
  }
}

/** Appends an immediate or displacement: bytes now if constant, else a fixup. */
export function pushValue(enc: Enc, e: Expr, size: 1 | 2 | 4 | 8, pc: boolean, signed: boolean): void {
  if (e.terms.length === 0 && !pc) {
    pushLe(enc.bytes, e.c, size);
    return;
  }
  enc.fixes.push({ at: enc.bytes.length, size, e, pc, signed });
  for (let i = 0; i < size; i++) enc.bytes.push(0);
}

export function needsRexByte(r: RegOp): boolean {
  return r.cls === 'gp' && r.w === 1 && r.r >= 4 && r.r < 8 && !r.high;
}

export function encode(s: EncodeSpec): Enc {
  const seg = s.rm.k === 'mem' ? s.rm.seg : undefined;
  if (seg !== undefined && s.pfx?.length) throw new AsmUnsupported('a segment override with another prefix');
  const enc: Enc = { bytes: seg !== undefined ? [seg] : [...(s.pfx ?? [])], fixes: [] };
  let rex = s.w ? 8 : 0;
  let force = s.byteRegs?.some(needsRexByte) ?? false;
  if (s.reg & 8) rex |= 4;
  const rm = s.rm;
  let modrm: number;
  let sib = -1;
  let disp: { e: Expr; size: 1 | 4; pc: boolean } | null = null;
  if (rm.k === 'reg') {
    if (rm.r & 8) rex |= 1;
    if (needsRexByte(rm)) force = true;
    modrm = 0xc0 | ((s.reg & 7) << 3) | (rm.r & 7);
  } else {
    let { base, index, scale } = rm;
    const d = rm.disp;
    if (base < 0 && index < 0 && seg !== undefined) {
      modrm = ((s.reg & 7) << 3) | 4;
      sib = 0x25;
      disp = { e: d, size: 4, pc: false };
    } else if (base < 0 && index < 0) {
      modrm = ((s.reg & 7) << 3) | 5;
      disp = { e: d, size: 4, pc: true };
    } else {
      if (d.terms.length > 0) throw new AsmUnsupported('a symbol in a register-based address');
      if (!fits32(d.c)) throw new AsmUnsupported('a displacement beyond 32 bits');
      if (base < 0 && scale === 1) { base = index; index = -1; }
      else if (base < 0 && scale === 2) { base = index; scale = 1; }
      if (index === 4 && scale === 1) [base, index] = [index, base];
      if (index === 4) throw new AsmUnsupported('rsp as an index');
      if (base >= 0 && base & 8) rex |= 1;
      if (index >= 0 && index & 8) rex |= 2;
      let mod: number;
      if (base < 0) mod = 0;
      else if (d.c === 0n && (base & 7) !== 5) mod = 0;
      else if (fits8(d.c)) mod = 1;
      else mod = 2;
      if (index >= 0 || base < 0 || (base & 7) === 4) {
        modrm = (mod << 6) | ((s.reg & 7) << 3) | 4;
        sib = ({ 1: 0, 2: 1, 4: 2, 8: 3 } as Record<number, number>)[scale] << 6 | ((index < 0 ? 4 : index & 7) << 3) | (base < 0 ? 5 : base & 7);
      } else modrm = (mod << 6) | ((s.reg & 7) << 3) | (base & 7);
      if (base < 0) disp = { e: d, size: 4, pc: false };
      else if (mod === 1) disp = { e: d, size: 1, pc: false };
      else if (mod === 2) disp = { e: d, size: 4, pc: false };
    }
  }
  if ((rex || force) && (s.byteRegs?.some((r) => r.high) || (rm.k === 'reg' && rm.high))) throw new AsmUnsupported('ah/bh/ch/dh with a REX prefix');
  if (rex || force) enc.bytes.push(0x40 | rex);
  enc.bytes.push(...s.op, modrm);
  if (sib >= 0) enc.bytes.push(sib);
  if (disp) pushValue(enc, disp.e, disp.size, disp.pc, true);
  if (s.imm) pushValue(enc, s.imm.e, s.imm.size, false, true);
  return enc;
}

/** An instruction without ModRM: prefixes, REX (W, B from `low`), opcode (+ low register bits), immediate. */
export function encodePlain(pfx: number[], w: boolean, op: number[], low?: RegOp, imm?: { size: 1 | 2 | 4 | 8; e: Expr }): Enc {
  const enc: Enc = { bytes: [...pfx], fixes: [] };
  const rex = (w ? 8 : 0) | (low && low.r & 8 ? 1 : 0);
  if (rex || (low && needsRexByte(low))) enc.bytes.push(0x40 | rex);
  const ops = [...op];
  if (low) ops[ops.length - 1] += low.r & 7;
  enc.bytes.push(...ops);
  if (imm) pushValue(enc, imm.e, imm.size, false, true);
  return enc;
}
