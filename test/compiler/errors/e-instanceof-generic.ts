// error: TSK1015 @ 8
// Each instance of a generic class is its own class: there is no one vtable to test.
class Base {}
class Box<T> extends Base {
  constructor(public v: T) { super(); }
}
function isBox(b: Base): bool {
  return b instanceof Box;
}
console.log(isBox(new Box<i32>(1)));
