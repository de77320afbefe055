export function twice(x: i32): i32 {
  return helper(x) * 2;
}
function helper(x: i32): i32 {
  return x + 1;
}
