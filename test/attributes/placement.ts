// target: kernel
// Attributes on the kernel target: interrupt handlers and their stubs,
// sections, alignment, exported and external symbols (docs/language.md §12).

/** @interrupt */
function onBreakpoint(frame: InterruptFrame): void {
  frame.rip = frame.rip + 0;
}

/** @interrupt */
function onPageFault(frame: InterruptFrame, error: u64): void {
  if (error == 2) frame.rip = readCr2();
}

/** @section .user.text */
function userCode(): u32 {
  return 7;
}

/** @section .user.data @align 64 */
let userData: u64 = 5;

/** @section .user.bss */
let userZero: u64 = 0;

/** @extern asm_helper */
declare function asmHelper(x: u64): u64;

/** The end of the kernel image, defined by kernel.ld: its address is the value wanted. @extern __kernel_end */
declare function kernelEnd(): void;

/** @extern boot_value */
declare const bootValue: u64;

/** @export kernel_counter */
let counter: u64 = 0;

/** @export kernel_tick */
function tick(): void {
  counter++;
}

const gates: usize = memory.data(32);
store<u64>(gates, changetype<u64>(onBreakpoint));
store<u64>(gates + 8, changetype<u64>(onPageFault));
counter = bootValue + changetype<u64>(kernelEnd) + u64(userCode()) + userData + userZero;
if (counter == 1) asmHelper(1);
tick();
