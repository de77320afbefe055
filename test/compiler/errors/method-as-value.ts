// error: TSK1001 @ 7
class Greeter {
  hello(): i32 {
    return 1;
  }
}
const f = new Greeter().hello;
