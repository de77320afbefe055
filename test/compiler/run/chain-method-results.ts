// Optional chains through method calls of every kind: interface, virtual,
// returning objects, getters of a function type (docs/language.md §2).
interface I { m(): i32; }
class A implements I {
  v: i32 = 3;
  next: A | null = null;
  m(): i32 { return this.v; }
  me(): A { return this; }
  maybe(): A | null { return this.next; }
  get fn(): (n: i32) => i32 { return dbl; }
  walk(): i32 { return this.next?.v ?? -1; }
}
class B extends A { m(): i32 { return 100; } }
function dbl(n: i32): i32 { return n * 2; }
function mk(k: i32): A | null {
  if (k > 1) return new B();
  return k > 0 ? new A() : null;
}
function mi(k: i32): I | null { return mk(k); }
console.log(mk(1)?.me().v ?? -1, mk(0)?.me().v ?? -1, mk(1)?.maybe()?.v ?? -1, mk(2)?.m() ?? -1, mi(2)?.m() ?? -1, mi(0)?.m() ?? -1);
console.log(mk(1)?.fn(4) ?? -1, mk(0)?.fn(4) ?? -1, mk(1)!.walk());
const a = new A();
a.next = new A();
console.log(a.walk(), a?.next?.me()?.m() ?? 0);
//= 3 -1 -1 100 100 -1
//= 8 -1 -1
//= 3 3
