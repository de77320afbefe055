// error: TSK1003 @ 4
let mask: u32 = 0xff;
let v: u64 = 0x1234;
let r: u64 = v & mask;
