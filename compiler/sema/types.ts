// Machine types: what tskc knows about a value, beyond TypeScript's `number`.
// The IR class of each (w or l) and how sub-word integers are normalised
// (kept sign- or zero-extended in a 32-bit register) are decided here.
import type { Cls } from '../ir/ops.js';
import type { ClassInfo, InterfaceInfo } from './classes.js';

export type IntName = 'i8' | 'i16' | 'i32' | 'i64' | 'u8' | 'u16' | 'u32' | 'u64' | 'isize' | 'usize';

export interface IntType {
  kind: 'int';
  name: IntName;
  bits: 8 | 16 | 32 | 64;
  signed: boolean;
}

export interface FloatType {
  kind: 'float';
  name: 'f32' | 'f64';
  bits: 32 | 64;
}

export type MType =
  | IntType
  | FloatType
  | { kind: 'bool' }
  | { kind: 'string' }
  | { kind: 'void' }
  | { kind: 'never' }
  /** A reference to a class instance: its address. */
  | { kind: 'class'; info: ClassInfo }
  /** A reference to a fixed-length array: the address of its u64 length, elements after. */
  | { kind: 'array'; elem: MType }
  /** A function value: the address of a top-level function's code. */
  | { kind: 'func'; params: MType[]; ret: MType }
  /** A reference to an object of any class implementing the interface. */
  | { kind: 'iface'; info: InterfaceInfo }
  /** `Template`: the address of a caller-built descriptor of pieces (docs/language.md §6.2). */
  | { kind: 'template' }
  /** `Ptr<T>`: an address (a usize) whose pointee has type `elem` (docs/language.md §6.7). */
  | { kind: 'ptr'; elem: MType };

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

export const F64: FloatType = { kind: 'float', name: 'f64', bits: 64 };
export const F32: FloatType = { kind: 'float', name: 'f32', bits: 32 };
export const BOOL: MType = { kind: 'bool' };
export const STRING: MType = { kind: 'string' };
export const VOID: MType = { kind: 'void' };
export const TEMPLATE: MType = { kind: 'template' };
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
    case 'float':
      return t.bits === 64 ? 'd' : 's';
    case 'bool':
      return 'w';
    case 'string':
    case 'class':
    case 'array':
    case 'func':
    case 'iface':
    case 'ptr':
    case 'template':
      return 'l';
    default:
      return null;
  }
}

/** References: values that are an address, so they can be null (0). */
export function isReference(t: MType): boolean {
  return t.kind === 'class' || t.kind === 'array' || t.kind === 'string' || t.kind === 'iface' || t.kind === 'func';
}

export function isFloat(t: MType): t is FloatType {
  return t.kind === 'float';
}

/** Integers and floats: what arithmetic works on. */
export function isNumeric(t: MType): t is IntType | FloatType {
  return t.kind === 'int' || t.kind === 'float';
}

export function sameType(a: MType, b: MType): boolean {
  if (a.kind === 'int' && b.kind === 'int') return a.name === b.name;
  if (a.kind === 'float' && b.kind === 'float') return a.bits === b.bits;
  if (a.kind === 'class' && b.kind === 'class') return a.info === b.info;
  if (a.kind === 'iface' && b.kind === 'iface') return a.info === b.info;
  if (a.kind === 'array' && b.kind === 'array') return sameType(a.elem, b.elem);
  if (a.kind === 'ptr' && b.kind === 'ptr') return sameType(a.elem, b.elem);
  if (a.kind === 'func' && b.kind === 'func') {
    return sameType(a.ret, b.ret) && a.params.length === b.params.length && a.params.every((p, i) => sameType(p, b.params[i]));
  }
  return a.kind === b.kind;
}

export function typeName(t: MType): string {
  if (t.kind === 'int' || t.kind === 'float') return t.name;
  if (t.kind === 'class' || t.kind === 'iface') return t.info.name;
  if (t.kind === 'array') return `${typeName(t.elem)}[]`;
  if (t.kind === 'ptr') return `Ptr<${typeName(t.elem)}>`;
  if (t.kind === 'func') return `(${t.params.map(typeName).join(', ')}) => ${typeName(t.ret)}`;
  return t.kind === 'bool' ? 'bool' : t.kind === 'template' ? 'Template' : t.kind;
}

/**
 * Whether a value of type `got` may be used where `want` is expected: the
 * same type, a class where one of its base classes is expected, a class
 * where an interface it implements is expected, or a `Ptr<T>` where a usize
 * is expected and back.
 */
export function assignable(got: MType, want: MType): boolean {
  if (sameType(got, want)) return true;
  // A pointer is a usize with a pointee type, both ways (as in TypeScript).
  if ((got.kind === 'ptr' && want.kind === 'int' && want.name === 'usize') || (want.kind === 'ptr' && got.kind === 'int' && got.name === 'usize')) return true;
  if (got.kind !== 'class') return false;
  for (let c: ClassInfo | undefined = got.info; c; c = c.base) {
    if (want.kind === 'class' && c === want.info) return true;
    if (want.kind === 'iface' && c.interfaces.includes(want.info)) return true;
  }
  return false;
}

/** Size and alignment of a value of type t stored in memory (a field, an element). */
export function storageOf(t: MType): { size: number; align: number } {
  if (t.kind === 'int' || t.kind === 'float') return { size: t.bits / 8, align: t.bits / 8 };
  if (t.kind === 'bool') return { size: 1, align: 1 };
  return { size: 8, align: 8 }; // strings, objects and arrays are addresses
}

/** Bytes before an array's (or string's) first element: the u64 length. */
export const ARRAY_HEADER = 8;

/** Typed arrays and their element types (docs/language.md §6.6). */
export const TYPED_ARRAYS: Record<string, IntName> = {
  Int8Array: 'i8', Uint8Array: 'u8', Int16Array: 'i16', Uint16Array: 'u16',
  Int32Array: 'i32', Uint32Array: 'u32', Int64Array: 'i64', Uint64Array: 'u64',
};

/** The range of values an integer type holds. */
export function intRange(t: IntType): [bigint, bigint] {
  const b = BigInt(t.bits);
  return t.signed ? [-(1n << (b - 1n)), (1n << (b - 1n)) - 1n] : [0n, (1n << b) - 1n];
}

/** Wraps v into t's range (two's complement), as the machine does. */
export function wrapTo(t: IntType, v: bigint): bigint {
  return t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
}
