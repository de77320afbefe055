// error: TSK1001 @ 3
let n: i32 = 4;
const label = 'n=' + n;
