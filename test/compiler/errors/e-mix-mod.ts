// error: TSK1003 @ 4
let a: i32 = 100;
let b: i16 = 7;
let r: i32 = a % b;
