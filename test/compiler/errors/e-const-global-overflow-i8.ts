// error: TSK1004 @ 3
const M: i8 = 100;
let y: i8 = M + M;
console.log(y);
