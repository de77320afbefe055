// error: TSK1025 @ 3
let a: u64 = 0;
asm('mov {0}, 1', asm.out('reg', a + 1));
