// error: TSK1001 @ 6
class C {
  x: i32 = 1;
}
const c = new C();
delete (c as unknown as { x?: i32 }).x;
