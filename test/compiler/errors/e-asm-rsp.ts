// error: TSK1023 @ 2
asm('nop', asm.clobber('rsp'));
