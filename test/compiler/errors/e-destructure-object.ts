// error: TSK1001 @ 6
class P {
  x: i32 = 1;
  y: i32 = 2;
}
const { x, y } = new P();
