// error: TSK1001 @ 2
class Point {
  x: i32 = 0;
}
