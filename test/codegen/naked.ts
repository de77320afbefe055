// @naked functions (docs/language.md §11.5) have no prologue or epilogue:
// their code is the template, then a ud2 in case control runs off it.
// target: kernel

// asm-not: rbp
// asm-not: ^ret$
// asm: ^iretq$
// asm: ^ud2$
/** @naked */
export function isrStub(): void {
  asm('push rax');
  asm('pop rax\niretq');
}
