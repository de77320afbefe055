// Any callee of a function type is called indirectly: a call's result, a
// parenthesised value, `?:`, `,`, `!`, `as`, an element of a call's result.
// A function's own name stays a direct call, in parentheses too.
type BinOp = (a: i32, b: i32) => i32;

function add(a: i32, b: i32): i32 {
  return a + b;
}
function sub(a: i32, b: i32): i32 {
  return a - b;
}
function pick(): BinOp {
  return add;
}
function choose(k: i32): BinOp {
  return k > 0 ? add : sub;
}
function table(): BinOp[] {
  return [add, sub];
}
function maker(): () => BinOp {
  return pick;
}

console.log(pick()(5, 6));
const f: BinOp = add;
console.log((f)(5, 6));
console.log((add)(5, 6), ((sub))(5, 6));
console.log(choose(1)(5, 6), choose(0)(5, 6));
let k: i32 = 0;
console.log((k > 0 ? add : sub)(5, 6), (k === 0 ? add : sub)(5, 6));
console.log((k++, sub)(9, 1), k);
console.log(table()[1](10, 3), maker()()(2, 3));
console.log((f as BinOp)(1, 1));
let g: BinOp | null = null;
console.log((g = sub)(3, 4), g(4, 3), g!(1, 1), (g!)(2, 2));
let h: BinOp | null = k > 5 ? add : null;
console.log(h?.(1, 2) ?? -100);
h = add;
console.log(h?.(1, 2) ?? -100);

class Box {
  op: BinOp = add;
  constructor(public base: i32) {}
  plus(n: i32): i32 {
    return this.base + n;
  }
  getOp(): BinOp {
    return this.op;
  }
}
const box = new Box(40);
console.log((box.plus)(2), box.getOp()(3, 4), (box.op)(1, 2));
box.op = sub;
console.log(box.getOp()(3, 4), (k > 0 ? box.op : add)(8, 1));
function bump(n: i32): void {
  console.log('bump', n);
}
function pickVoid(): (n: i32) => void {
  return bump;
}
pickVoid()(7);
// In optional chains: the call of a link's result is part of the chain.
function maybeBox(k: i32): Box | null {
  return k > 0 ? box : null;
}
console.log(maybeBox(1)?.getOp()(2, 3) ?? -100, maybeBox(0)?.getOp()(2, 3) ?? -100, table()[0]?.(4, 4) ?? -100);
// Static fields and getters of a function type, and elements of elements.
class Registry {
  static current: BinOp = add;
  get op(): BinOp {
    return sub;
  }
}
const grid: BinOp[][] = [[add], [sub, add]];
console.log(Registry.current(1, 2), new Registry().op(1, 2), (Registry.current)(2, 2), grid[1][0](5, 1), (grid[0])[0](5, 1));
// A parenthesised name calls what the name calls: interface, virtual and intrinsic methods.
interface Scaler {
  scale(f: i32): i32;
}
class Sq implements Scaler {
  constructor(public w: i32) {}
  scale(f: i32): i32 {
    return this.w * f;
  }
}
class BigSq extends Sq {
  scale(f: i32): i32 {
    return 1000 + f;
  }
}
const scaler: Scaler = new Sq(3);
const sq: Sq = new BigSq(1);
console.log((scaler.scale)(2), (sq.scale)(5), ('hello'.charCodeAt)(1), (Math.max)(3, 9));
//= 11
//= 11
//= 11 -1
//= 11 -1
//= -1 11
//= 8 1
//= 7 5
//= 2
//= -1 1 0 0
//= -100
//= 3
//= 42 7 3
//= -1 7
//= bump 7
//= -1 -100 8
//= 3 -1 4 4 6
//= 6 1005 101 9
