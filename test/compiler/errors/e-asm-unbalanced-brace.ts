// error: TSK1021 @ 3
let x: u64 = 1;
asm('inc {x', asm.inout('reg', x));
