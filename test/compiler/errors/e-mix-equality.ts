// error: TSK1003 @ 4
let a: i16 = 1;
let b: i8 = 1;
const same = a == b;
