// void functions with early returns, and bool-returning predicates.
let log: i32 = 0;
function record(x: i32): void {
  if (x < 0) return;
  if (x > 100) {
    log += 1000;
    return;
  }
  log += x;
}
function isPrime(n: i32): bool {
  if (n < 2) return false;
  for (let d: i32 = 2; d * d <= n; d++) if (n % d == 0) return false;
  return true;
}
record(5);
record(-3);
record(500);
record(20);
console.log(log);
let ps: i32 = 0;
for (let i: i32 = 0; i < 100; i++) if (isPrime(i)) ps++;
console.log(ps, isPrime(97), isPrime(91));
//= 1025
//= 25 true false
