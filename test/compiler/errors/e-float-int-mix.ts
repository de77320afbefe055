// error: TSK1008 @ 4
let x: f64 = 2.5;
let n: i32 = 2;
console.log(x * n);
