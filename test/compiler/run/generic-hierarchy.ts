// Generic classes in hierarchies: an abstract generic base implementing an
// interface, a generic subclass, a plain class extending an instance;
// generic static and instance methods of a plain class.
interface Sized {
  size(): i32;
}
abstract class Container<T> implements Sized {
  count: i32 = 0;
  abstract add(x: T): void;
  size(): i32 {
    return this.count;
  }
  describe(): string {
    return 'container';
  }
}
class Bag<T> extends Container<T> {
  items: T[] = new Array<T>(8);
  add(x: T): void {
    this.items[this.count++] = x;
  }
  at(i: i32): T {
    return this.items[i];
  }
  override describe(): string {
    return 'bag';
  }
}
class IntBag extends Bag<i32> {
  total(): i32 {
    let t = 0;
    for (let i = 0; i < this.count; i++) t += this.at(i);
    return t;
  }
  override describe(): string {
    return 'intbag';
  }
}
class Util {
  static pick<T>(c: bool, a: T, b: T): T {
    return c ? a : b;
  }
  scale: i32 = 3;
  times<T extends number>(x: T, k: T): T {
    return (x * k + k) as T;
  }
}
function total(s: Sized): i32 {
  return s.size();
}
const ib = new IntBag();
ib.add(5);
ib.add(7);
const sb = new Bag<string>();
sb.add('x');
const c: Container<i32> = ib;
c.add(100);
console.log(ib.total(), total(ib), total(sb), sb.at(0), c.describe(), sb.describe());
console.log(Util.pick<i32>(false, 1, 2), Util.pick('c'.length == 1, 'a', 'b'));
const u = new Util();
console.log(u.times<i64>(5, 3), u.times(2.5, 2.0), u.scale);

//= 112 3 1 x intbag bag
//= 2 a
//= 18 7 3
