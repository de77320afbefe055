// error: TSK1010 @ 2
const p = memory.data(0);
