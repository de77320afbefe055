// error: TSK1001 @ 5
class Box {
  w: i32;
  h: i32;
  constructor(w: i32, h: i32 = w) {
    this.w = w;
    this.h = h;
  }
}
