// error: TSK1001 @ 3
class Box {
  get size(): i32 {
    return 1;
  }
}
