// const enums fold into constant expressions and switch cases.
const enum Op {
  Add = 1,
  Sub,
  Mul,
  Neg = 10,
}
function apply(op: Op, a: i32, b: i32): i32 {
  switch (op) {
    case Op.Add:
      return a + b;
    case Op.Sub:
      return a - b;
    case Op.Mul:
      return a * b;
    case Op.Neg:
      return -a;
  }
  return 0;
}
const PROGRAM: i32[] = [Op.Add, Op.Mul, Op.Sub, Op.Neg, Op.Add];
let acc: i32 = 1;
for (const op of PROGRAM) acc = apply(op, acc, 3);
console.log(acc, Op.Mul * 10 + Op.Neg);
//= -6 40
