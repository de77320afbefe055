// error: TSK1001 @ 2
function sum(...xs: i32[]): i32 {
  return 0;
}
