// A recursive function with stack-passed parameters keeps them apart per call.
function walk(depth: i32, a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32, h: i32): i32 {
  if (depth == 0) return a + b + c + d + e + f + g + h;
  return walk(depth - 1, h, a, b, c, d, e, f, g + depth) + g;
}
console.log(walk(0, 1, 2, 3, 4, 5, 6, 7, 8), walk(5, 1, 2, 3, 4, 5, 6, 7, 8), walk(20, 1, 1, 1, 1, 1, 1, 1, 1));
//= 36 76 486
