// C layout: fields in order, each aligned to its size; the size is rounded
// to the largest alignment.
// node: skip (sizeof and offsetof are tskc's)
class Mixed {
  a: u8 = 0;
  b: u32 = 0;
  c: u16 = 0;
  d: u64 = 0;
  e: bool = false;
}
class Bytes {
  x: u8 = 1;
  y: u8 = 2;
  z: u8 = 3;
}
console.log(sizeof<Mixed>(), offsetof<Mixed>('b'), offsetof<Mixed>('c'), offsetof<Mixed>('d'), offsetof<Mixed>('e'));
console.log(sizeof<Bytes>(), alignof<Bytes>(), sizeof<u16>(), sizeof<Mixed>() * 2);
const m = new Mixed();
m.a = 255;
m.b = 4000000000;
m.c = 65535;
m.d = 18000000000000000000;
m.e = true;
const base = changetype<usize>(m);
console.log(load<u8>(base), load<u32>(base + 4), load<u16>(base + 8), load<u64>(base + 16), load<u8>(base + 24));
//= 32 4 8 16 24
//= 3 1 2 64
//= 255 4000000000 65535 18000000000000000000 1
