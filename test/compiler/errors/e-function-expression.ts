// error: TSK1001 @ 2
const square = function (v: i32): i32 {
  return v * v;
};
