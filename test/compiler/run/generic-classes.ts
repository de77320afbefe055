// Generic classes, monomorphised: one class per list of type arguments,
// generic methods, static members shared by every instance, recursive types.
class Stack<T> {
  items: T[];
  top: i32 = 0;
  static made: i32 = 0;
  constructor(cap: i32) {
    this.items = new Array<T>(cap);
    Stack.made++;
  }
  push(x: T): void {
    this.items[this.top++] = x;
  }
  pop(): T {
    return this.items[--this.top];
  }
  isEmpty(): bool {
    return this.top == 0;
  }
  map<U>(f: (x: T) => U, out: Stack<U>): Stack<U> {
    for (let i = 0; i < this.top; i++) out.push(f(this.items[i]));
    return out;
  }
}
class Box<T extends number> {
  constructor(public v: T) {}
  add(o: Box<T>): Box<T> {
    return new Box<T>((this.v + o.v) as T);
  }
  get(): T {
    return this.v;
  }
}
class Pair<A, B> {
  constructor(public a: A, public b: B) {}
  swap(): Pair<B, A> {
    return new Pair<B, A>(this.b, this.a);
  }
}
class Node<T> {
  next: Node<T> | null = null;
  constructor(public value: T) {}
}
function double(x: u8): i64 {
  return i64(x) * 2;
}
const s = new Stack<u8>(4);
s.push(200);
s.push(100);
const w = s.map<i64>(double, new Stack<i64>(4));
console.log(s.pop(), s.pop(), s.isEmpty(), w.pop(), w.pop(), Stack.made);
const b1 = new Box<u8>(25);
const b2 = b1.add(new Box<u8>(10));
console.log(b2.get(), new Box<i64>(5000000000).add(new Box<i64>(1)).get());
const p = new Pair<i32, string>(7, 'seven').swap();
console.log(p.a, p.b);
let head: Node<string> | null = null;
for (const w of ['a', 'b', 'c']) {
  const n = new Node<string>(w);
  n.next = head;
  head = n;
}
for (let n = head; n !== null; n = n.next) console.log(n.value);
//= 100 200 true 200 400 2
//= 35 5000000001
//= seven 7
//= c
//= b
//= a
