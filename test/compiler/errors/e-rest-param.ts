// error: TSK1016 @ 2
function sum(...xs: i32[]): i32 {
  return 0;
}
