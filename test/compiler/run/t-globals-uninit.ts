// Globals declared with a type and no initializer start at zero.
let n: i32;
let big: i64;
let flag: bool;
n = 5;
console.log(n);
big = 7000000000;
flag = true;
console.log(big, flag);
//= 5
//= 7000000000 true
