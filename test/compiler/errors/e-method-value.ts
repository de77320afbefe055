// error: TSK1001 @ 8
class C {
  get(): i32 {
    return 1;
  }
}
const c = new C();
const g = c.get;
