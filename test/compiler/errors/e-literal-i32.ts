// error: TSK1004 @ 2
let x: i32 = 2147483648;
