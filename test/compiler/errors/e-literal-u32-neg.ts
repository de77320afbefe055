// error: TSK1004 @ 2
let x: u32 = -1;
