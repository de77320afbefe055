// Short-circuit && and ||, !, ?: and comparisons as values.
let calls: i32 = 0;
function touch(v: bool): bool {
  calls++;
  return v;
}
const t = touch(false) && touch(true);
const u = touch(true) || touch(false);
console.log(t, u, calls);
let n: i32 = 7;
const big = n > 5;
console.log(big, !big, n == 7 ? 'seven' : 'other', n != 7);
let flags: i32 = 0;
if (!(n < 3) && (n > 6 || n == 0)) flags = 1;
console.log(flags);
//= false true 2
//= true false seven false
//= 1
