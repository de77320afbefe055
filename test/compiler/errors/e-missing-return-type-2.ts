// error: TSK1005 @ 2
function pick(a: i32, b: i32) {
  return a > b ? a - b : b - a;
}
