// error: TSK1008 @ 2
let n: i32 = 0.5;
