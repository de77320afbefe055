// error: TSK1001 @ 3
class Safe {
  #secret: i32 = 1;
}
