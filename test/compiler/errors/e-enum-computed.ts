// error: TSK1001 @ 6
function seven(): i32 {
  return 7;
}
enum E {
  A = seven(),
}
