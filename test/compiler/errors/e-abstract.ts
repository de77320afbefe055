// error: TSK1001 @ 2
abstract class Shape {
  area(): i32 {
    return 0;
  }
}
