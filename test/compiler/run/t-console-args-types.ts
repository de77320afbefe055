// console.log with a mix of expressions as arguments, evaluated left to right.
let n: i32 = 0;
function bump(): i32 {
  n++;
  return n;
}
console.log(bump(), bump(), bump() * 10, n);
const flags: bool[] = [true, false];
console.log(flags[0], flags[1], flags[0] == flags[1], 3 > 2, 'end');
console.log(n == 3 ? 'three' : 'other', n > 5 ? 1 : -1);
//= 1 2 30 3
//= true false false true end
//= three -1
