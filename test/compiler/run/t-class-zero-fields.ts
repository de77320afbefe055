// Fields with no initializer and no constructor store start at zero.
// node: skip (in JS an unassigned field is undefined)
class Z {
  a!: i32;
  b!: i64;
  c!: bool;
  d!: u8;
}
const z = new Z();
console.log(z.a, z.b, z.c, z.d);
function make(): Z {
  return new Z();
}
const h = make();
h.a = 3;
console.log(h.a, h.b, h.c);
//= 0 0 false 0
//= 3 0 false
