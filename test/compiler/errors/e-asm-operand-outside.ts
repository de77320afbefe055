// error: TSK1020 @ 3
const x: u64 = 1;
const op = asm.in('reg', x);
asm('nop', op);
