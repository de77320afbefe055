// error: TSK1003 @ 5
let a: i32 = 1;
let b: i64 = 2;
let which: bool = true;
console.log(which ? b : a);
