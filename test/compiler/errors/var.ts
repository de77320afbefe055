// error: TSK1001 @ 2
var old: i32 = 1;
