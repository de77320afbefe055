// error: TSK1004 @ 5
function put(b: u8): u8 {
  return b;
}
put(256);
