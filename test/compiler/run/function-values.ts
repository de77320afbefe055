// Top-level functions as values: stored, passed, compared and called indirectly.
type BinOp = (a: i32, b: i32) => i32;

function add(a: i32, b: i32): i32 {
  return a + b;
}
function mul(a: i32, b: i32): i32 {
  return a * b;
}
function fold(xs: i32[], start: i32, op: BinOp): i32 {
  let acc = start;
  for (const x of xs) acc = op(acc, x);
  return acc;
}

const nums: i32[] = [1, 2, 3, 4, 5];
console.log(fold(nums, 0, add), fold(nums, 1, mul));

let current: BinOp = add;
console.log(current(20, 22), current === add, current === mul);
current = mul;
console.log(current(6, 7));

const table: BinOp[] = [add, mul, add];
let total: i32 = 0;
for (let i: i32 = 0; i < table.length; i++) total += table[i](i, 10);
console.log(total);

class Button {
  constructor(public onPress: (n: i32) => bool) {}
}
function isBig(n: i32): bool {
  return n > 100;
}
const b = new Button(isBig);
console.log(b.onPress(5), b.onPress(500));
//= 15 120
//= 42 true false
//= 42
//= 32
//= false true
