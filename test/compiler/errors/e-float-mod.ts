// error: TSK1001 @ 3
let x: f64 = 7.5;
let r = x % 2.0;
