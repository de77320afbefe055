// Machine types: what tskc knows about a value, beyond TypeScript's `number`.
// The IR class of each (w or l) and how sub-word integers are normalised
// (kept sign- or zero-extended in a 32-bit register) are decided here.
import type { Cls } from '../ir/ops.js';

export type IntName = 'i8' | 'i16' | 'i32' | 'i64' | 'u8' | 'u16' | 'u32' | 'u64' | 'isize' | 'usize';

export interface IntType {
  kind: 'int';
  name: IntName;
  bits: 8 | 16 | 32 | 64;
  signed: boolean;
}

export type MType =
  | IntType
  | { kind: 'bool' }
  | { kind: 'string' }
  | { kind: 'void' }
  | { kind: 'never' };

const int = (name: IntName, bits: IntType['bits'], signed: boolean): IntType => ({ kind: 'int', name, bits, signed });

export const INT_TYPES: Record<IntName, IntType> = {
  i8: int('i8', 8, true),
  i16: int('i16', 16, true),
  i32: int('i32', 32, true),
  i64: int('i64', 64, true),
  u8: int('u8', 8, false),
  u16: int('u16', 16, false),
  u32: int('u32', 32, false),
  u64: int('u64', 64, false),
  isize: int('isize', 64, true),
  usize: int('usize', 64, false),
};

export const BOOL: MType = { kind: 'bool' };
export const STRING: MType = { kind: 'string' };
export const VOID: MType = { kind: 'void' };
export const NEVER: MType = { kind: 'never' };
export const I32 = INT_TYPES.i32;
export const I64 = INT_TYPES.i64;
export const U64 = INT_TYPES.u64;
export const USIZE = INT_TYPES.usize;

export function isIntName(s: string): s is IntName {
  return Object.prototype.hasOwnProperty.call(INT_TYPES, s);
}

export function isInt(t: MType): t is IntType {
  return t.kind === 'int';
}

/** The IR class a value of this type lives in; null for void/never. */
export function clsOf(t: MType): Cls | null {
  switch (t.kind) {
    case 'int':
      return t.bits === 64 ? 'l' : 'w';
    case 'bool':
      return 'w';
    case 'string':
      return 'l';
    default:
      return null;
  }
}

export function sameType(a: MType, b: MType): boolean {
  if (a.kind === 'int' && b.kind === 'int') return a.name === b.name;
  return a.kind === b.kind;
}

export function typeName(t: MType): string {
  return t.kind === 'int' ? t.name : t.kind === 'bool' ? 'bool' : t.kind;
}

/** The range of values an integer type holds. */
export function intRange(t: IntType): [bigint, bigint] {
  const b = BigInt(t.bits);
  return t.signed ? [-(1n << (b - 1n)), (1n << (b - 1n)) - 1n] : [0n, (1n << b) - 1n];
}

/** Wraps v into t's range (two's complement), as the machine does. */
export function wrapTo(t: IntType, v: bigint): bigint {
  return t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
}
