// error: TSK1042 @ 3
const x: f64 = 0.5;
console.log(Math.sin(x));
