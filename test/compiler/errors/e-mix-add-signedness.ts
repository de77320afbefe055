// error: TSK1003 @ 4
let a: i32 = 1;
let b: u32 = 2;
let c: i32 = a + b;
