// error: TSK1011 @ 2
let f: i32 = 1.5;
