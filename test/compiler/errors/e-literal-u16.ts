// error: TSK1004 @ 2
let x: u16 = 65536;
