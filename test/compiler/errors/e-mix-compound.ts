// error: TSK1003 @ 4
let acc: i64 = 0;
let step: i32 = 5;
acc += step;
