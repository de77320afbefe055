// error: TS2511 @ 5
abstract class Shape {
  abstract area(): i32;
}
const s = new Shape();
