// The interrupt frame of `@interrupt` handlers (docs/language.md §12.2): a
// global class (this file is a script, not a module) whose layout is what
// the CPU pushes on an interrupt or exception in long mode, from the
// lowest address up. The generated entry stub passes its address in rdi.

/** What the CPU pushed: `rip` is the interrupted (or faulting) instruction; changes are resumed by iretq. */
class InterruptFrame {
  rip: u64 = 0;
  cs: u64 = 0;
  rflags: u64 = 0;
  rsp: u64 = 0;
  ss: u64 = 0;
}

/**
 * The general registers of the interrupted code, as the entry stub pushed
 * them: right below the error-code slot, from r15 at the lowest address up
 * to rax (docs/interrupts.md, "The stub"). rsp is not here: it is `frame.rsp`.
 */
class SavedRegisters {
  r15: u64 = 0;
  r14: u64 = 0;
  r13: u64 = 0;
  r12: u64 = 0;
  r11: u64 = 0;
  r10: u64 = 0;
  r9: u64 = 0;
  r8: u64 = 0;
  rdi: u64 = 0;
  rsi: u64 = 0;
  rbp: u64 = 0;
  rbx: u64 = 0;
  rdx: u64 = 0;
  rcx: u64 = 0;
  rax: u64 = 0;
}

/** The registers the entry stub saved below `frame` (15 of them, then the error code: 128 bytes down). */
function savedRegisters(frame: InterruptFrame): SavedRegisters {
  return changetype<SavedRegisters>(changetype<usize>(frame) - 128);
}
