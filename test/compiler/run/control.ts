// if/else, while, do-while, for, break and continue.
function collatz(n: i64): i32 {
  let steps: i32 = 0;
  while (n != 1) {
    if (n % 2 == 0) n = n / 2;
    else n = 3 * n + 1;
    steps++;
  }
  return steps;
}
console.log(collatz(27), collatz(97));

let sum: i32 = 0;
for (let i: i32 = 0; i < 100; i++) {
  if (i % 3 == 0) continue;
  if (i > 50) break;
  sum += i;
}
console.log(sum);

let k: i32 = 10;
do {
  k -= 3;
} while (k > 0);
console.log(k);
//= 111 118
//= 867
//= -2
