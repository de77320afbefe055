// error: TSK1001 @ 4
// An abstract getter has no code; declare an abstract method instead.
abstract class Shape {
  abstract get sides(): i32;
}
class Tri extends Shape {
  get sides(): i32 {
    return 3;
  }
}
console.log(new Tri().sides);
