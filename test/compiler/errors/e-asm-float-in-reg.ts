// error: TSK1008 @ 3
const x: f64 = 1.5;
asm('nop {x}', asm.in('reg', x));
