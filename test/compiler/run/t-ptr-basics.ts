// Pointers (docs/language.md §6.7): Ptr<T> loads and stores, arithmetic in
// elements of T, addressof of globals, fields, elements and objects, a
// pointer to a struct, pointers to pointers, null tests.
// node: skip (raw memory has no Node equivalent)
class Point {
  x: i32 = 0;
  y: i32 = 0;
  tag: u8 = 0;
}
let counter: u32 = 7;
const VGA: Ptr<u16> = 0xb8000;
const pc = addressof(counter);
Ptr.store(pc, Ptr.load(pc) + 1);
console.log(counter);
//= 8
const buf = new Uint16Array(4);
const p0 = addressof(buf[0]);
for (let i = 0; i < 4; i++) Ptr.store(Ptr.add(p0, i), u16(i * 100 + 1));
console.log(buf[3], Ptr.load(Ptr.add(p0, 2)), Ptr.diff(Ptr.add(p0, 3), p0), Ptr.diff(p0, Ptr.add(p0, 3)));
//= 301 201 3 -3
const pt = new Point();
const py = addressof(pt.y);
Ptr.store(py, -5);
console.log(pt.y, usize(py) - usize(addressof(pt)), offsetof<Point>('y'));
//= -5 4 4
// A pointer to a struct steps by the struct's size; loading it is a reference.
const raw = memory.data(64);
const pts: Ptr<Point> = raw;
Ptr.load(Ptr.add(pts, 1)).x = 42;
console.log(load<i32>(raw + sizeof<Point>()), Ptr.load(Ptr.add(pts, 1)).x, sizeof<Point>());
//= 42 42 12
const back = Ptr.load(addressof(pt));
back.tag = 9;
console.log(pt.tag);
//= 9
console.log(usize(VGA), VGA == 0xb8000, Ptr.add(VGA, 80) == 0xb80a0);
//= 753664 true true
const pp: Ptr<Ptr<u16>> = memory.data(8);
Ptr.store(pp, p0);
console.log(Ptr.load(Ptr.load(pp)));
//= 1
let nul: Ptr<u8> = 0;
if (!nul) console.log('null');
//= null
// Signed and unsigned steps, negative steps, bool and i64 pointees.
const wide = new Int64Array(3);
const w2 = addressof(wide[2]);
Ptr.store(Ptr.add(w2, -2), -1);
Ptr.store(Ptr.add(addressof(wide[0]), u8(1)), 0x7fffffffffffffff);
console.log(wide[0], wide[1]);
//= -1 9223372036854775807
let flag = false;
Ptr.store(addressof(flag), true);
console.log(flag);
//= true
// Volatile forms and a pointer parameter.
function sum(p: Ptr<i32>, n: i32): i32 {
  let s = 0;
  for (let i = 0; i < n; i++) s += Ptr.volatileLoad(Ptr.add(p, i));
  return s;
}
const nums = [1, 2, 3, 4];
Ptr.volatileStore(addressof(nums[3]), 40);
console.log(sum(addressof(nums[0]), 4));
//= 46
