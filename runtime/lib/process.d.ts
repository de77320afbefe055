// Declarations for the process targets (`user`, `linux`): what a program
// running under an operating system has without importing anything.
// See docs/language.md §8.

declare namespace console {
  /** Prints its arguments separated by spaces and a newline, as Node does. @intrinsic console.log */
  function log(...values: (string | number | boolean)[]): void;
}

declare namespace process {
  /** Ends the program with an exit status after flushing console output. @intrinsic process.exit */
  function exit(code?: i32): never;
}

/** A Linux-ABI system call: the number, then up to six integer arguments (any width, extended to 64 bits); returns rax. @intrinsic syscall */

declare function syscall(nr: number, a1?: number, a2?: number, a3?: number, a4?: number, a5?: number, a6?: number): i64;

/**
 * The Math functions tskc computes exactly as JavaScript does (docs/language.md
 * §3.2.1). abs, min and max also take integers (then the result has their
 * type and wraps like any integer arithmetic).
 */
declare namespace Math {
  /** π. @intrinsic Math.PI */
  const PI: f64;
  /** Euler's number e. @intrinsic Math.E */
  const E: f64;
  /** @intrinsic Math.abs */
  function abs<T extends number>(x: T): T;
  /** The smallest argument (NaN if any is NaN; -0 is below +0). @intrinsic Math.min */
  function min<T extends number>(...values: T[]): T;
  /** The largest argument (NaN if any is NaN; +0 is above -0). @intrinsic Math.max */
  function max<T extends number>(...values: T[]): T;
  /** The correctly rounded square root (sqrtsd). @intrinsic Math.sqrt */
  function sqrt(x: number): number;
  /** @intrinsic Math.floor */
  function floor(x: number): number;
  /** @intrinsic Math.ceil */
  function ceil(x: number): number;
  /** @intrinsic Math.trunc */
  function trunc(x: number): number;
  /** The nearest integer; halves round toward +∞, as in JavaScript. @intrinsic Math.round */
  function round(x: number): number;
  /** 1, -1, ±0 or NaN. @intrinsic Math.sign */
  function sign(x: number): number;
  // Declared so that tskc, not tsc, explains that these are missing: tskc
  // cannot yet compute them bit for bit as Node does.
  /** @intrinsic Math.unsupported */ function sin(x: number): number;
  /** @intrinsic Math.unsupported */ function cos(x: number): number;
  /** @intrinsic Math.unsupported */ function tan(x: number): number;
  /** @intrinsic Math.unsupported */ function atan(x: number): number;
  /** @intrinsic Math.unsupported */ function atan2(y: number, x: number): number;
  /** @intrinsic Math.unsupported */ function exp(x: number): number;
  /** @intrinsic Math.unsupported */ function log(x: number): number;
  /** @intrinsic Math.unsupported */ function log2(x: number): number;
  /** @intrinsic Math.unsupported */ function log10(x: number): number;
  /** @intrinsic Math.unsupported */ function pow(x: number, y: number): number;
  /** @intrinsic Math.unsupported */ function random(): number;
}
