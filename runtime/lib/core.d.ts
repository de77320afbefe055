// tskc core declarations: the machine types, conversions and memory
// intrinsics every target has. Compiled with `noLib`, this file (and the
// target's own declaration file) replaces TypeScript's standard library, so
// editors and `tsc --noEmit` check tskc code exactly as tskc sees it.
// See docs/language.md §2 (types) and §7 (intrinsics).

// ---- the global interfaces TypeScript itself requires ---------------------
/** A fixed-length array: `T[]`, `new Array<T>(n)`, `[a, b, c]` (docs/language.md §6.6). */
interface Array<T> {
  readonly length: i32;
  [index: number]: T;
  [Symbol.iterator](): Iterator<T>;
}
declare const Array: {
  /** An array of `length` zeroed elements (on the heap, or static at module level). */
  new <T>(length: i32): T[];
};
interface Boolean {}
interface CallableFunction {}
interface Function {}
interface IArguments {}
interface NewableFunction {}
interface Number {}
interface Object {}
interface RegExp {}
interface String {
  /** The string's length in bytes (UTF-8); the same as JS for ASCII text. */
  readonly length: i32;
  /** The byte at `index` (bounds-checked); the same as JS for ASCII text. @intrinsic charCodeAt */
  charCodeAt(index: i32): i32;
  /** The one-character string at byte `index` (bounds-checked; ASCII only, else a panic). */
  readonly [index: number]: string;
  [Symbol.iterator](): Iterator<string>;
}
interface TemplateStringsArray {}

// ---- for…of (docs/language.md §4) --------------------------------------------
// What TypeScript needs to accept `for (const x of v)` over arrays, strings
// and the library's containers (docs/library.md). tskc compiles for…of
// itself and never calls these; `Symbol` in a program is TSK1001.
interface SymbolConstructor {
  readonly iterator: unique symbol;
}
declare const Symbol: SymbolConstructor;
interface IteratorResult<T> {
  done: boolean;
  value: T;
}
interface Iterator<T, TReturn = unknown, TNext = unknown> {
  next(): IteratorResult<T>;
}
interface Iterable<T, TReturn = unknown, TNext = unknown> {
  [Symbol.iterator](): Iterator<T, TReturn, TNext>;
}

// ---- machine types (docs/language.md §2) ----------------------------------
// Branded number aliases: tsc rejects mixing widths; tskc types arithmetic.
type i8 = number & { readonly __int?: 'i8' };
type i16 = number & { readonly __int?: 'i16' };
type i32 = number & { readonly __int?: 'i32' };
type i64 = number & { readonly __int?: 'i64' };
type u8 = number & { readonly __int?: 'u8' };
type u16 = number & { readonly __int?: 'u16' };
type u32 = number & { readonly __int?: 'u32' };
type u64 = number & { readonly __int?: 'u64' };
type isize = number & { readonly __int?: 'isize' };
type usize = number & { readonly __int?: 'usize' };
type bool = boolean;

// ---- conversions (docs/language.md §3.3) -----------------------------------
// `u8(x)` truncates to the low 8 bits; widening sign-extends from a signed
// source and zero-extends from an unsigned one. `x as u8` means the same.
/** @intrinsic convert */
declare function i8(x: number | boolean): i8;
/** @intrinsic convert */
declare function i16(x: number | boolean): i16;
/** @intrinsic convert */
declare function i32(x: number | boolean): i32;
/** @intrinsic convert */
declare function i64(x: number | boolean): i64;
/** @intrinsic convert */
declare function u8(x: number | boolean): u8;
/** @intrinsic convert */
declare function u16(x: number | boolean): u16;
/** @intrinsic convert */
declare function u32(x: number | boolean): u32;
/** @intrinsic convert */
declare function u64(x: number | boolean): u64;
/** @intrinsic convert */
declare function isize(x: number | boolean): isize;
/** @intrinsic convert */
declare function usize(x: number | boolean): usize;

// ---- raw memory (docs/language.md §7.1) -------------------------------------
/** Reads a T (an integer type) from address `addr`. @intrinsic load */
declare function load<T extends number>(addr: usize): T;
/** Writes a T (an integer type) to address `addr`. @intrinsic store */
declare function store<T extends number>(addr: usize, value: T): void;
/** A load the compiler never removes, merges or reorders (memory-mapped I/O). @intrinsic volatileLoad */
declare function volatileLoad<T extends number>(addr: usize): T;
/** A store the compiler never removes, merges or reorders (memory-mapped I/O). @intrinsic volatileStore */
declare function volatileStore<T extends number>(addr: usize, value: T): void;
/** Reinterprets a value's bits as another type: `changetype<usize>(str)` is the string's address. @intrinsic changetype */
declare function changetype<T>(value: unknown): T;
// Type queries: compile-time constants about a (generic) type. An `if` whose
// condition is made of them (with !, &&, ||, and sizeof<T>() compared with a
// constant) is decided when compiling: the other branch is neither type-checked
// nor compiled for that instance (docs/language.md §5).
/** Whether T is an integer type. @intrinsic isInteger */
declare function isInteger<T>(): bool;
/** Whether T is a signed integer type. @intrinsic isSigned */
declare function isSigned<T>(): bool;
/** Whether T is f64 or f32. @intrinsic isFloat */
declare function isFloat<T>(): bool;
/** Whether T is bool. @intrinsic isBoolean */
declare function isBoolean<T>(): bool;
/** Whether T is string. @intrinsic isString */
declare function isString<T>(): bool;
/** Whether T is a reference: a string, object, array, interface or function. @intrinsic isReference */
declare function isReference<T>(): bool;
/** Marks a point control never reaches (a trap if it does). @intrinsic unreachable */
declare function unreachable(): never;

/** Copies n bytes from src to dst; the ranges must not overlap (runtime/common/memory.ts). @intrinsic memcpy */
declare function memcpy(dst: usize, src: usize, n: usize): void;
/** Sets the n bytes at dst to value. @intrinsic memset */
declare function memset(dst: usize, value: u8, n: usize): void;
/** Compares n bytes: -1, 0 or 1 as the first differing byte at a is below or above the one at b, or none differs. @intrinsic memcmp */
declare function memcmp(a: usize, b: usize, n: usize): i32;

declare namespace memory {
  /** The address of `size` zeroed bytes of static storage, one block per call site. @intrinsic memory.data */
  function data(size: i32): usize;
}

// ---- pointers (docs/language.md §6.7) --------------------------------------
/** TypeScript's own NoInfer (lib.es5.d.ts), which `noLib` leaves out. */
type NoInfer<T> = intrinsic;
/**
 * A typed pointer: a usize branded with the type it points at (an integer,
 * bool, float, pointer or class). Converts to and from usize implicitly.
 */
type Ptr<T> = usize & { readonly __pointee?: T };
declare namespace Ptr {
  /** The T at p; for a class T, a reference to the instance at p. @intrinsic Ptr.load */
  function load<T>(p: Ptr<T>): T;
  /** Writes a T (not a class instance) at p. @intrinsic Ptr.store */
  function store<T>(p: Ptr<T>, value: NoInfer<T>): void;
  /** Ptr.load that is never removed, merged or reordered (memory-mapped I/O). @intrinsic Ptr.volatileLoad */
  function volatileLoad<T>(p: Ptr<T>): T;
  /** Ptr.store that is never removed, merged or reordered (memory-mapped I/O). @intrinsic Ptr.volatileStore */
  function volatileStore<T>(p: Ptr<T>, value: NoInfer<T>): void;
  /** p advanced by n elements (n × sizeof<T>() bytes; n may be negative). @intrinsic Ptr.add */
  function add<T>(p: Ptr<T>, n: number): Ptr<T>;
  /** The number of elements from q to p: (p - q) / sizeof<T>(). @intrinsic Ptr.diff */
  function diff<T>(p: Ptr<T>, q: Ptr<T>): isize;
}
/** The address of a module-level variable, field or array element, or of an object. @intrinsic addressof */
declare function addressof<T>(place: T): Ptr<T>;

// ---- templates (docs/language.md §6.2) --------------------------------------
/**
 * A template literal passed to a printing function without allocating: the
 * caller builds a list of pieces on its stack. A string passes as one piece.
 * It cannot be stored in a field or global or returned.
 */
type Template = string & { readonly __template?: true };
/** The kinds of a Template's pieces. */
declare const enum TemplatePiece { Str = 0, Int = 1, Uint = 2, Bool = 3, Float = 4 }
declare namespace Template {
  /** The number of pieces. @intrinsic Template.count */
  function count(t: Template): i32;
  /** Piece i's kind (bounds-checked). @intrinsic Template.kind */
  function kind(t: Template, i: i32): TemplatePiece;
  /** Piece i, a text piece or a string substitution. @intrinsic Template.str */
  function str(t: Template, i: i32): string;
  /** Piece i, a signed integer substitution, widened to i64. @intrinsic Template.int */
  function int(t: Template, i: i32): i64;
  /** Piece i, an unsigned integer (or pointer) substitution, widened to u64. @intrinsic Template.uint */
  function uint(t: Template, i: i32): u64;
  /** Piece i, a bool substitution. @intrinsic Template.bool */
  function bool(t: Template, i: i32): bool;
  /** Piece i, a float substitution, as an f64 (process targets). @intrinsic Template.float */
  function float(t: Template, i: i32): f64;
}

// ---- errors (docs/language.md §6.4) -----------------------------------------
/**
 * `throw new Error(message)` stops the program with the message and the
 * TypeScript location (a panic); there is no unwinding and no catch.
 */
declare class Error {
  constructor(message?: string);
  readonly message: string;
}
/** Panics with `message` and this call's location when `condition` is false. @intrinsic assert */
declare function assert(condition: bool, message?: string): void;

// ---- classes and layout (docs/language.md §6.5) -----------------------------
/** The size in bytes of a T in memory; for a class, the size of an instance. @intrinsic sizeof */
declare function sizeof<T>(): usize;
/** The alignment in bytes of a T in memory. @intrinsic alignof */
declare function alignof<T>(): usize;
/** The byte offset of field `name` inside class T's instances. @intrinsic offsetof */
declare function offsetof<T>(name: keyof T & string): usize;
/** Frees an object or array made inside a function (heap); module-level ones are static. @intrinsic free */
declare function free(ref: object): void;

// ---- typed arrays (docs/language.md §6.6) -----------------------------------
// Fixed-length arrays of one integer type. Indexing is bounds-checked; a
// failed check panics with the file and line. `unchecked(a[i])` skips it.
declare class Int8Array { constructor(length: i32); readonly length: i32; [index: number]: i8; [Symbol.iterator](): Iterator<i8> }
declare class Uint8Array { constructor(length: i32); readonly length: i32; [index: number]: u8; [Symbol.iterator](): Iterator<u8> }
declare class Int16Array { constructor(length: i32); readonly length: i32; [index: number]: i16; [Symbol.iterator](): Iterator<i16> }
declare class Uint16Array { constructor(length: i32); readonly length: i32; [index: number]: u16; [Symbol.iterator](): Iterator<u16> }
declare class Int32Array { constructor(length: i32); readonly length: i32; [index: number]: i32; [Symbol.iterator](): Iterator<i32> }
declare class Uint32Array { constructor(length: i32); readonly length: i32; [index: number]: u32; [Symbol.iterator](): Iterator<u32> }
/** 64-bit elements as tskc integers (JavaScript's BigInt64Array holds bigints instead). */
declare class Int64Array { constructor(length: i32); readonly length: i32; [index: number]: i64; [Symbol.iterator](): Iterator<i64> }
declare class Uint64Array { constructor(length: i32); readonly length: i32; [index: number]: u64; [Symbol.iterator](): Iterator<u64> }
/** `a[i]` without the bounds check: for loops whose indices are known to be in range. @intrinsic unchecked */
declare function unchecked<T>(access: T): T;

// ---- floating point (docs/language.md §2.2; user and linux targets) ---------
/** A 64-bit IEEE float: TypeScript's `number`. */
type f64 = number;
/** A 32-bit IEEE float. */
type f32 = number & { readonly __float?: 'f32' };
/** @intrinsic convert */
declare function f64(x: number | boolean): f64;
/** @intrinsic convert */
declare function f32(x: number | boolean): f32;
/** The bits of a float as an integer of the same width, or the reverse: reinterpret<u64>(1.5). @intrinsic reinterpret */
declare function reinterpret<T extends number>(value: number): T;

// ---- machine intrinsics on every target (docs/language.md §7.3) -------------
/** A spin-wait hint (`pause`). @intrinsic pause */
declare function pause(): void;
/** A breakpoint trap (`int3`): vector 3 in the kernel, SIGTRAP under Linux. @intrinsic int3 */
declare function int3(): void;
/** An invalid-opcode trap (`ud2`): vector 6 in the kernel, SIGILL under Linux. @intrinsic ud2 */
declare function ud2(): void;
/** The time-stamp counter (`rdtsc`, edx:eax as one u64). @intrinsic rdtsc */
declare function rdtsc(): u64;
/**
 * Runs `cpuid` with eax = leaf, ecx = subleaf, and stores eax, ebx, ecx, edx
 * into `out`, whose class must start with four u32 fields in that order.
 * @intrinsic cpuid
 */
declare function cpuid(leaf: u32, subleaf: u32, out: object): void;
/** A full memory barrier (`mfence`). @intrinsic mfence */
declare function mfence(): void;
/** A load barrier (`lfence`; also stops speculation). @intrinsic lfence */
declare function lfence(): void;
/** A store barrier (`sfence`). @intrinsic sfence */
declare function sfence(): void;
/** A compiler-only barrier: no instruction; memory accesses are not moved across it. @intrinsic compilerFence */
declare function compilerFence(): void;
