// error: TSK1041 @ 4
class C { v: i32 = 0 }
function kprint(t: Template): void {}
kprint(`c=${new C()}`);
