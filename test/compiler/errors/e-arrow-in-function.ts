// error: TSK1001 @ 3
function apply(x: i32): i32 {
  const double = (v: i32): i32 => v * 2;
  return double(x);
}
