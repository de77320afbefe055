// error: TSK1015 @ 4
class A {}
const a = new A();
const yes = a instanceof A;
