// error: TSK1022 @ 4
let x: u64 = 1;
const y: u64 = 2;
asm('inc {x}', asm.inout('reg', x), asm.in('reg', y));
