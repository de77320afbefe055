// error: TSK1004 @ 2
const bytes: u8[] = [1, 2, 256];
