// error: TSK1024 @ 4
const a: u64 = 1;
const b: u64 = 2;
asm('nop', asm.in('rax', a), asm.in('eax', b));
