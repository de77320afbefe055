// error: TSK1023 @ 3
const x: u64 = 1;
asm('nop', asm.in('rxx', x));
