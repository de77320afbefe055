// error: TSK1001 @ 11
// A callee chosen by `?:` is a function value; a method is not one yet.
class C {
  m(): i32 {
    return 1;
  }
}
const c = new C();
let k: i32 = 1;
function f(): i32 { return 2; }
console.log((k > 0 ? c.m : f)());
