// error: TSK1001 @ 3
let n: i32 = 1;
const t = typeof n;
