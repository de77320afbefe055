// Functions with more than six parameters of mixed types.
function seven(a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32): i32 {
  return a - b + c - d + e - f + g * 100;
}
function mixed(a: i8, b: u16, c: i64, d: bool, e: string, f: u8, g: i32, h: u32, i: i64, j: string): void {
  console.log(a, b, c, d, e, f, g, h, i, j);
}
function ten(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64, i: i64, j: i64): i64 {
  return a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10;
}
function pass(a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32, h: i32): i32 {
  return seven(h, g, f, e, d, c, b) + a;
}
console.log(seven(1, 2, 3, 4, 5, 6, 7));
mixed(-5, 65535, -5000000000, true, 'five', 255, -2147483648, 4000000000, 123456789012, 'last');
console.log(ten(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ten(1000000000, 0, 0, 0, 0, 0, 0, 0, 0, -1));
console.log(pass(1, 2, 3, 4, 5, 6, 7, 8));
//= 697
//= -5 65535 -5000000000 true five 255 -2147483648 4000000000 123456789012 last
//= 385 999999990
//= 204
