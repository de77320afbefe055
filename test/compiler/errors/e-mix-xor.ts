// error: TSK1003 @ 4
let a: u16 = 0xff00;
let b: u32 = 0x0ff0;
let r: u32 = b ^ a;
