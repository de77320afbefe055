// error: TSK1003 @ 4
let a: u64 = 100;
let b: u32 = 7;
let q: u64 = a / b;
