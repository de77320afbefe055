// Default parameter values of a generic class's constructor and methods,
// and of a plain function called from a generic instance: each is
// evaluated at the call with the facts it was typed with.
class Box<T> {
  items: T[];
  constructor(capacity: i32 = 3) {
    this.items = new Array<T>(capacity);
  }
  grow(by: i32 = 2): i32 {
    return this.items.length + by + helper();
  }
}
function helper(n: i32 = 10): i32 {
  return n;
}
const b = new Box<u8>();
console.log(b.items.length, b.grow(), b.grow(5), helper());
//= 3 15 18 10
