// error: TSK1014 @ 4
// A generic method has no vtable slot, so it cannot be overridden.
class A {
  show<T>(x: T): T {
    return x;
  }
}
class B extends A {
  override show<T>(x: T): T {
    return x;
  }
}
console.log(new B().show<i32>(1));
