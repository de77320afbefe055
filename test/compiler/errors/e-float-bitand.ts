// error: TSK1008 @ 3
let a: number = 5.5;
let b = a & 2;
