// error: TSK1001 @ 3
function f(): i32 {
  enum Local {
    A,
  }
  return Local.A;
}
