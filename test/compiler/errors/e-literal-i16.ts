// error: TSK1004 @ 2
let x: i16 = 40000;
