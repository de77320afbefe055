// error: TSK1027 @ 3
let a: u64 = 0;
asm('ud2', asm.out('rax', a), asm.options('noreturn'));
