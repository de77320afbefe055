// error: TSK1008 @ 3
let s: i32 = -1;
let u = s as u32;
