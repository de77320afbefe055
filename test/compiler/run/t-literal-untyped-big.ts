// An untyped literal too big for i32 is an i64, as for console.log(5000000000).
const huge = 5000000000;
let big = -3000000000;
console.log(huge, big);
//= 5000000000 -3000000000
