// error: TSK1002 @ 2
function f(x: i32 | string): i32 {
  return 0;
}
