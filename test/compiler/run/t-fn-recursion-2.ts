// Recursion: factorial, power, sum of digits, Tower of Hanoi move count.
function fact(n: i64): i64 {
  return n <= 1 ? 1 : n * fact(n - 1);
}
function pow(b: i64, e: i32): i64 {
  if (e == 0) return 1;
  const half = pow(b, e >> 1);
  return e % 2 == 0 ? half * half : half * half * b;
}
function digitSum(n: i32): i32 {
  if (n < 10) return n;
  return (n % 10) + digitSum(i32(n / 10));
}
function hanoi(n: i32, from: i32, to: i32, via: i32): i32 {
  if (n == 0) return 0;
  return hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from);
}
console.log(fact(1), fact(10), fact(18));
console.log(pow(3, 0), pow(3, 13), pow(2, 50), pow(-7, 5));
console.log(digitSum(987654321), hanoi(10, 1, 3, 2), hanoi(16, 1, 3, 2));
//= 1 3628800 6402373705728000
//= 1 1594323 1125899906842624 -16807
//= 45 1023 65535
