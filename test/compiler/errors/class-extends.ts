// error: TSK1001 @ 3
class Base {}
class Derived extends Base {}
