// error: TSK1027 @ 2
const v = asm<u64>('nop');
