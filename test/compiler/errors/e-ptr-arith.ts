// error: TSK1040 @ 3
const p: Ptr<u32> = memory.data(16);
const q = p + 1;
