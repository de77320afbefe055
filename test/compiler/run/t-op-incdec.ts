// Prefix and postfix ++ and -- as statements and as values.
let i: i32 = 5;
const a = i++;
const b = ++i;
const c = i--;
const d = --i;
console.log(a, b, c, d, i);
let n: i64 = 0;
for (let k: i32 = 0; k < 10; k++) n++;
console.log(n, n--, n, --n);
let u: u8 = 254;
u++;
console.log(u);
let total: i32 = 0;
let j: i32 = 0;
while (j < 5) total += j++;
console.log(total, j);
//= 5 7 7 5 5
//= 10 10 9 8
//= 255
//= 10 5
