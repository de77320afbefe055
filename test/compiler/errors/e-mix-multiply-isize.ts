// error: TSK1003 @ 4
let a: isize = 3;
let b: i64 = 4;
let c: i64 = a * b;
