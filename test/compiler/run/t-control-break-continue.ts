// break and continue in while, do-while and for, nested.
let out: i32 = 0;
for (let i: i32 = 0; i < 10; i++) {
  let j: i32 = 0;
  while (true) {
    j++;
    if (j > i) break;
    if ((i + j) % 2 == 0) continue;
    out += i * j;
  }
}
console.log(out);
let k: i32 = 0;
let seen: i32 = 0;
do {
  k++;
  if (k % 4 == 0) continue;
  if (k > 17) break;
  seen++;
} while (k < 100);
console.log(k, seen);
//= 500
//= 18 13
