// error: TSK1004 @ 2
const TOO_BIG: u16 = 1 << 16;
