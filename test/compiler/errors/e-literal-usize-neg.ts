// error: TSK1004 @ 2
let addr: usize = -8;
