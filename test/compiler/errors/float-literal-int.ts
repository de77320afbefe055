// error: TSK1008 @ 2
let count: i32 = 2.5;
