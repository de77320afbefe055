// error: TSK1004 @ 2
let small: u8 = 300;
