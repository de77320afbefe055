// error: TSK1008 @ 3
let big: i64 = 5;
let small = big as i32;
