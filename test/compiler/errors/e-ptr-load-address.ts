// error: TSK1040 @ 3
const a: usize = memory.data(8);
const v: u8 = Ptr.load(a);
