// error: TSK1003 @ 4
let a: u8 = 10;
let b: i8 = 3;
let c: u8 = a - b;
