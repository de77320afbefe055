// Array literals take the expected element type, else the first element's.
const bytes: u8[] = [0, 128, 255];
const wide: i64[] = [5000000000, -1, 0];
const flags: bool[] = [true, false, true];
const plain = [10, 20, 30];
const nested: u16[][] = [[1], [2, 3], [], [65535]];
console.log(bytes[2], u8(bytes[1] + bytes[1]), wide[0] + wide[1], flags[1], plain[2] - plain[0]);
console.log(nested.length, nested[0].length, nested[1][1], nested[2].length, nested[3][0]);
let n: i32 = 0;
for (const f of flags) if (f) n++;
console.log(n);
function total(xs: i32[]): i32 {
  let s: i32 = 0;
  for (const x of xs) s += x;
  return s;
}
console.log(total([1, 2, 3, 4]), total([]), total([-5]));
//= 255 0 4999999999 false 20
//= 4 1 3 0 65535
//= 2
//= 10 0 -5
