// error: TSK1004 @ 2
let x: u64 = -5;
