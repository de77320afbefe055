// error: TSK1040 @ 4
class C { v: i32 = 0 }
const p: Ptr<C> = memory.data(16);
Ptr.store(p, new C());
