// error: TSK1001 @ 3
let n: i32 = 3;
const msg = `n is ${n}`;
