// error: TSK1009 @ 7
class C {
  static make(): i32 {
    return 1;
  }
}
C.make = C.make;
