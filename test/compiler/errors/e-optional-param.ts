// error: TSK1001 @ 2
function f(a: i32, b?: i32): i32 {
  return a;
}
