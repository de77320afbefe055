// A float constant (literals and operators) takes the float type its
// context expects, as an integer constant does (docs/language.md §3.1):
// negated, computed and parenthesised literals are f32 where one is expected.
// The values here are exact in f32, so Node prints the same.
function g(x: f32): f32 {
  return x * 2.0;
}
function quarter(): f32 {
  return -1.0 / 4.0;
}
function withDefault(x: f32 = -0.5): f32 {
  return x;
}
function max<T extends number>(a: T, b: T): T {
  return a > b ? a : b;
}
class P {
  x: f32 = -0.25;
  y = 1.5 - 3.0; // no annotation: f64
}

const c: f32 = -3.0;
const d: f32 = 1.5 - 3.0;
const e: f32 = -(3.0);
console.log(c, d, e, g(-0.5), g(+0.75), quarter(), withDefault(), withDefault(-(2.0 * 4.0)));
const a: f32[] = [-1.5, 2.5 * 2, (-0.125)];
console.log(a[0], a[1], a[2]);
let k: i32 = 1;
const q: f32 = k > 0 ? -1.5 : 2.5 - 0.5;
let x: f32 = 1.0;
x += -0.5;
x = x - -0.25;
console.log(q, x, x < -0.5, 1.5 < x, -2.0 * x, x / -(0.5));
const p = new P();
console.log(p.x, p.y, max<f32>(-1.5, -2.0), max<f32>(d, -(4.0)));
const nz: f32 = -0.0;
const inf: f32 = 1.0 / 0.0;
console.log(nz, inf, -inf, 0.5 % 0.25, 7.5 % -2.0);
// Untyped: f64, as in JavaScript.
let u = 1.5 - 3.0;
let v = -1e6;
const m: number = 0.1 + 0.2;
console.log(u, v, m, -(2.5), 7 / 2 + 0.5, Math.abs(-1.5), Math.max(-0.5, 0.25), (1.5 + 0.25) * 2);
console.log(f32(-0.5), f64(1.5 - 3.0), i32(-7.5 / 2), 2 ** -1.0, -(2.0 ** 3));
//= -3 -1.5 -3 -1 1.5 -0.25 -0.5 -8
//= -1.5 5 -0.125
//= -1.5 0.75 false false -1.5 -1.5
//= -0.25 -1.5 -1.5 -1.5
//= -0 Infinity -Infinity 0 1.5
//= -1.5 -1000000 0.30000000000000004 -2.5 4 1.5 0.25 3.5
//= -0.5 -1.5 -3 0.5 -8
// Every spelling of a literal: no leading digit, separators, hex, exponents, unary +.
const s1: f32 = -.5;
const s2: f32 = 1_000.5;
const s3: f32 = -0x10;
const s4: f32 = -5e-1;
const s5: f32 = +1.5;
const s6: f32 = -(-(1.5));
let s7: f32;
s7 = -2.5 / 2;
const s8: f64 = -0x10 / 4;
const s9: f32 = 1e2 - 0.5;
console.log(s1, s2, s3, s4, s5, s6, s7, s8, s9, s7 === -1.25, -1.25 === s7);
//= -0.5 1000.5 -16 -0.5 1.5 1.5 -1.25 -4 99.5 true true
