// error: TSK1008 @ 3
let x: f64 = 0.5;
if (x) console.log('nonzero');
