// error: TS2588 @ 4
function f(): i32 {
  const k: i32 = 1;
  k++;
  return k;
}
