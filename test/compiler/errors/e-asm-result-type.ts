// error: TSK1005 @ 2
asm('mov {result}, 1', asm.out('reg'));
