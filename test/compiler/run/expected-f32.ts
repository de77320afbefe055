// A float constant is an f32 wherever one is expected (docs/language.md
// §3.1): arguments of methods, constructors, super, interfaces, setters,
// indirect calls, defaults, fields, elements, generic instances, Math, ?:
// branches, comparisons.
interface Shape {
  scale(f: f32): f32;
}
class Base {
  constructor(public w: f32) {}
}
class Sq extends Base implements Shape {
  h: f32 = -0.5;
  constructor(w: f32) {
    super(w * -2.0);
  }
  scale(f: f32): f32 {
    return this.w * f;
  }
  static half(x: f32 = -4.0): f32 {
    return x / 2.0;
  }
  get area(): f32 {
    return this.w * this.h;
  }
  set area(v: f32) {
    this.h = v / this.w;
  }
}
class Box<T extends number> {
  constructor(public v: T) {}
}
function apply(f: (x: f32) => f32, x: f32): f32 {
  return f(x);
}
function neg(x: f32): f32 {
  return -x;
}
const sq = new Sq(-0.25);
const sh: Shape = sq;
console.log(sq.w, sq.scale(-2.0), sh.scale(-(4.0)), Sq.half(), Sq.half(-1.0 - 1.0));
sq.area = -1.0 * 0.5;
console.log(sq.area, sq.h);
sq.h = -0.125;
const fs: f32[] = [0.0, 0.0];
fs[0] = -1.5;
fs[1] += -0.25;
console.log(sq.h, fs[0], fs[1], apply(neg, -0.5), apply(neg, 1.5 - 0.25));
const b = new Box<f32>(-2.5);
const b2: Box<f32> = new Box(-0.75);
console.log(b.v, b2.v);
let x: f32 = 2.0;
console.log(Math.min(x, -0.5), Math.max(x, -0.5), Math.abs(x - 3.5), `x=${x} y=${-1.5}`);
const grid: f32[][] = [[1.5, -2.5], [-(0.5)]];
console.log(grid[0][1], grid[1][0]);
const g64: number[] = [-1.5, 2];
console.log(g64[0], g64[1], [-1.5, 2][1]);
const t: f32 = x > 0.0 ? (x < 1.0 ? 0.25 : -0.25) : 0.0;
console.log(t, x > -1.0, -1.0 < x, x === 2, 2.0 === x);
//= 0.5 -1 -2 -2 -1
//= -0.5 -1
//= -0.125 -1.5 -0.25 0.5 -1.25
//= -2.5 -0.75
//= -0.5 2 1.5 x=2 y=-1.5
//= -2.5 -0.5
//= -1.5 2 2
//= -0.25 true true true true
