// error: TSK1008 @ 3
let u: u64 = 5;
let s = u as i64;
