// for loops with missing parts, several variables and the comma operator.
let a: i32 = 0;
for (;;) {
  a++;
  if (a == 7) break;
}
console.log(a);
let i: i32 = 0;
for (; i < 5; ) i += 2;
console.log(i);
let s: i32 = 0;
for (let lo: i32 = 0, hi: i32 = 10; lo < hi; lo++, hi--) s += hi - lo;
console.log(s);
for (let k: i32 = 10; k > 0; k -= 3) console.log(k);
let down: i32 = 0;
for (let k: i32 = 5; k-- > 0; ) down += k;
console.log(down);
//= 7
//= 6
//= 30
//= 10
//= 7
//= 4
//= 1
//= 10
