// error: TSK1016 @ 2
function f(a: i32, b?: i32): i32 {
  return a;
}
