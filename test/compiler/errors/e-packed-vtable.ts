// error: TSK1033 @ 4
// A class in a hierarchy starts with a vtable pointer: no exact layout.
/** @packed */
class Base { a: u8 = 0; m(): u8 { return this.a; } }
class Derived extends Base { b: u8 = 0 }
console.log(new Derived().m());
