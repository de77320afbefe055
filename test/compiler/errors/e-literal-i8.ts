// error: TSK1004 @ 2
let x: i8 = 128;
