// error: TSK1029 @ 4
/** @naked */
function entry(x: u64): void {
  asm('mov rax, {x}', asm.in('reg', x));
}
