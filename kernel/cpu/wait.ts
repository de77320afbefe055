// Sleeping until an interrupt without losing a wake-up. A consumer checks
// its ring with interrupts off and, if it is empty, enables them and halts
// in one step: `sti` takes effect only after the next instruction, so no
// interrupt can slip in between `sti` and `hlt` (it would otherwise be
// handled before the hlt, which would then sleep until the next one).

/** Enables interrupts and halts until one arrives (returns with interrupts on). */
export function enableAndWait(): void {
  asm('sti', 'hlt');
}
