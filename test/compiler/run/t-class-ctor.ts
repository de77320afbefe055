// Constructor order: defaults (by the caller), parameter properties, then initializers, then the body.
// node: skip (JS evaluates field initializers before parameter defaults; docs/language.md §5, §6.5)
let log: i32 = 0;
function mark(n: i32): i32 {
  log = log * 10 + n;
  return n;
}
class Order {
  x: i32 = mark(2);
  y: i32 = mark(3);
  constructor(public p: i32, q: i32 = mark(1)) {
    this.y += q + this.p;
    mark(4);
  }
}
const o = new Order(100);
console.log(o.p, o.x, o.y, log);
log = 0;
const o2 = new Order(5, 7);
console.log(o2.p, o2.x, o2.y, log);
//= 100 2 104 1234
//= 5 2 15 234
