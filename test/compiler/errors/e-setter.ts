// error: TSK1001 @ 4
class T {
  v: i32 = 0;
  set value(x: i32) {
    this.v = x;
  }
}
