// error: TSK1024 @ 3
let a: u64 = 0;
asm('mov rax, 1', asm.out('rax', a), asm.clobber('rax'));
