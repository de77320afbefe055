// Layout of classes with parameter properties, strings, references and bools.
// node: skip (sizeof, alignof and offsetof are tskc's)
class Inner {
  v: u16 = 0;
}
class Outer {
  flag: bool = false;
  inner: Inner;
  small: u8 = 0;
  name: string = '';
  count: i32 = 0;
  constructor(public id: u8, public weight: i64) {
    this.inner = new Inner();
  }
}
class Only8 {
  a: u8 = 0;
}
class Pairs {
  a: u16 = 0;
  b: u8 = 0;
  c: u32 = 0;
  d: u8 = 0;
}
console.log(sizeof<Inner>(), alignof<Inner>(), sizeof<Only8>(), alignof<Only8>());
console.log(offsetof<Outer>('id'), offsetof<Outer>('weight'), offsetof<Outer>('flag'), offsetof<Outer>('inner'));
console.log(offsetof<Outer>('small'), offsetof<Outer>('name'), offsetof<Outer>('count'), sizeof<Outer>(), alignof<Outer>());
console.log(offsetof<Pairs>('b'), offsetof<Pairs>('c'), offsetof<Pairs>('d'), sizeof<Pairs>(), alignof<Pairs>());
console.log(sizeof<u8>(), sizeof<i16>(), sizeof<u32>(), sizeof<i64>(), sizeof<usize>(), sizeof<bool>());
//= 2 2 1 1
//= 0 8 16 24
//= 32 40 48 56 8
//= 2 4 8 12 4
//= 1 2 4 8 8 1
