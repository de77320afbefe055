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
