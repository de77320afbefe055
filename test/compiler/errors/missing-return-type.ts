// error: TSK1005 @ 2
function twice(x: i32) {
  return x * 2;
}
