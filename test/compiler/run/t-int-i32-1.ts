// i32 extremes and wrap-around written with i32(...).
let max: i32 = 2147483647;
let min: i32 = -2147483648;
console.log(max, min, i32(max + 1), i32(min - 1), i32(max + max));
console.log(i32(-min), -max, max - 1, min + 1);
let h: i32 = 1;
for (let i: i32 = 0; i < 40; i++) h = i32(h * 3 + 1);
console.log(h);
//= 2147483647 -2147483648 -2147483648 2147483647 -2
//= -2147483648 -2147483647 2147483646 -2147483647
//= 1034935345
