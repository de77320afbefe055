// error: TSK1001 @ 3
function fail(n: i32): i32 {
  if (n < 0) throw 'negative';
  return n;
}
