// error: TSK1001 @ 2
const add = (a: i32, b: i32): i32 => a + b;
