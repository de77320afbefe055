// error: TSK1023 @ 2
asm('nop', asm.clobberAbi('win64' as 'sysv'));
