// error: TSK1010 @ 3
let n: i32 = 4;
const p = memory.data(n);
