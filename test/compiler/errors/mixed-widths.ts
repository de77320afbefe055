// error: TSK1003 @ 4
let a: i32 = 1;
let b: i64 = 2;
let c: i64 = b + a;
