// error: TSK1010 @ 3
let x: i32 = 5;
let y: i32 = unchecked(x + 1);
