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
