// Signed division truncates toward zero; % keeps the dividend's sign.
function show(a: i32, b: i32): void {
  console.log(a, b, i32(a / b), a % b);
}
show(7, 2);
show(-7, 2);
show(7, -2);
show(-7, -2);
show(0, 5);
show(100, 7);
show(-2147483647, 10);
let x: i64 = -100000000000;
console.log(i64(x / 7), x % 7, i64(x / -3), x % -3);
//= 7 2 3 1
//= -7 2 -3 -1
//= 7 -2 -3 1
//= -7 -2 3 -1
//= 0 5 0 0
//= 100 7 14 2
//= -2147483647 10 -214748364 -7
//= -14285714285 -5 33333333333 -1
