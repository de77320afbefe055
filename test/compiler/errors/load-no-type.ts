// error: TSK1005 @ 2
let v: i32 = load(0);
