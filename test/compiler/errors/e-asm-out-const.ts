// error: TSK1025 @ 3
const a: u64 = 0;
asm('mov {a}, 1', asm.out('reg', a));
