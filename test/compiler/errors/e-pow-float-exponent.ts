// error: TSK1008 @ 3
const n: i32 = 3;
const r = n ** 0.5;
