// Field initializers of every kind; fields without one start at zero.
class Rec {
  a: i8 = -1;
  b: u8 = 255;
  c: i16 = -300;
  d: u16 = 60000;
  e: i32 = -70000;
  f: u32 = 4000000000;
  g: i64 = -5000000000;
  h: u64 = 9000000000000000;
  i: bool = true;
  j: string = 'text';
  k: i32;
  l: bool;
  constructor() {
    this.k = 0;
    this.l = false;
  }
}
const r = new Rec();
console.log(r.a, r.b, r.c, r.d, r.e, r.f, r.g, r.h, r.i, r.j, r.k, r.l);
r.a = i8(r.a - 1);
r.b = u8(r.b + 1);
r.f += 1;
r.j = 'changed';
r.i = !r.i;
console.log(r.a, r.b, r.f, r.j, r.i);
//= -1 255 -300 60000 -70000 4000000000 -5000000000 9000000000000000 true text 0 false
//= -2 0 4000000001 changed false
