// The branches of ?: where a base class or interface is expected take that
// type, whatever subclasses they are (docs/language.md §6.5).
interface Named { name(): string; }
class A implements Named {
  v: i32 = 1;
  name(): string { return 'A'; }
}
class B extends A {
  name(): string { return 'B'; }
}
class C extends A {
  name(): string { return 'C'; }
}
function pick(k: i32): A | null {
  return k > 1 ? new B() : k > 0 ? new C() : null;
}
function named(k: i32): Named {
  return k > 0 ? new B() : new A();
}
const b = new B();
const c = new C();
let k: i32 = 1;
const x: A = k > 0 ? b : c;
const arr: A[] = [k > 5 ? b : c, b];
console.log(pick(2)!.name(), pick(1)!.name(), pick(0) === null, named(1).name(), named(0).name(), x.name(), arr[0].name());
//= B C true B A B C
