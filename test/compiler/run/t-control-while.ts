// while loops: counting digits, reversing numbers, a loop that never runs.
function digits(n: i64): i32 {
  let d: i32 = 1;
  while (n >= 10) {
    n = i64(n / 10);
    d++;
  }
  return d;
}
function reverse(n: i32): i32 {
  let r: i32 = 0;
  while (n > 0) {
    r = r * 10 + (n % 10);
    n = i32(n / 10);
  }
  return r;
}
console.log(digits(0), digits(9), digits(10), digits(1234567890123));
console.log(reverse(12345), reverse(1000), reverse(7));
let runs: i32 = 0;
while (runs > 0) runs++;
console.log(runs);
//= 1 1 2 13
//= 54321 1 7
//= 0
