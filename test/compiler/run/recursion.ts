// Recursion, mutual recursion and many parameters.
function fib(n: i32): i32 {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}
function isEven(n: i32): bool {
  return n == 0 ? true : isOdd(n - 1);
}
function isOdd(n: i32): bool {
  return n == 0 ? false : isEven(n - 1);
}
function weigh(a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32, h: i32): i32 {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
function ackermann(m: i64, n: i64): i64 {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
console.log(fib(25));
console.log(isEven(10), isOdd(7), isEven(7));
console.log(weigh(1, 2, 3, 4, 5, 6, 7, 8));
console.log(ackermann(2, 3));
//= 75025
//= true true false
//= 204
//= 9
