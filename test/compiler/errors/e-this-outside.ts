// error: TSK1001 @ 6
class C {
  x: i32 = 1;
}
function getX(this: C): i32 {
  return this.x;
}
