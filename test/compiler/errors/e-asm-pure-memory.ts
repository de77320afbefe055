// error: TSK1027 @ 2
const v = asm<u64>('mov {result}, 1', asm.out('reg'), asm.options('pure'));
