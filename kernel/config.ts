// What kind of kernel build this is. A normal build runs as written; a test
// build (buildKernelImage({ test: true }), compiler/cli/image.ts) adds the
// entry file kernel/testing/entry.ts before kernel/main.ts. Its top-level
// statement runs before main.ts's (entries initialise in order) and calls
// enableTestBuild(): from then on a kernel panic exits QEMU through
// isa-debug-exit with KERNEL_EXIT_PANIC instead of halting, and every line
// the echo loop reads is offered to the test commands first
// (kernel/testing/commands.ts). A normal build contains no test code.

/** Written to isa-debug-exit (port 0xf4) on a panic in a test build: QEMU exits with status 3. */
export const KERNEL_EXIT_PANIC: u32 = 1;
export const DEBUG_EXIT_PORT: u16 = 0xf4;

let testBuild = false;
let commandHook: (line: Uint8Array, length: i32) => bool = noCommand;

function noCommand(line: Uint8Array, length: i32): bool {
  return false;
}

/** Whether this is a test build. */
export function isTestBuild(): bool {
  return testBuild;
}

/** Makes this a test build whose echo loop offers each line to `command` (true: it was a command). */
export function enableTestBuild(command: (line: Uint8Array, length: i32) => bool): void {
  testBuild = true;
  commandHook = command;
}

/** Runs the test command in `line` (its first `length` bytes); false if it is none (or this is no test build). */
export function runTestCommand(line: Uint8Array, length: i32): bool {
  return commandHook(line, length);
}

/** Ends a failed kernel: exits QEMU with KERNEL_EXIT_PANIC in a test build, halts forever otherwise. */
export function kernelStop(): never {
  while (true) {
    cli();
    if (testBuild) outl(DEBUG_EXIT_PORT, KERNEL_EXIT_PANIC);
    hlt();
  }
}
