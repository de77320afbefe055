// do-while runs its body at least once; continue jumps to the condition.
let n: i32 = 100;
let iters: i32 = 0;
do {
  iters++;
} while (n < 10);
console.log(iters);
let i: i32 = 0;
let odd: i32 = 0;
do {
  i++;
  if (i % 2 == 0) continue;
  odd += i;
} while (i < 10);
console.log(i, odd);
let x: i32 = 1;
do {
  x *= 2;
  if (x > 100) break;
} while (true);
console.log(x);
//= 1
//= 10 25
//= 128
