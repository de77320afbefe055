// error: TSK1008 @ 3
let flag: bool = true;
let n = ~flag;
