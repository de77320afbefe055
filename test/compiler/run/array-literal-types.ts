// An array literal with no expected type takes its first typed element's
// type, and the literals among the elements take it too (docs/language.md
// §6.6); of literals only, it is f64 if one is a float, else i32.
class N {
  constructor(public v: i32) {}
}
const x: u8 = 200;
const y: f32 = -0.5;
const n = new N(7);
const bytes = [1, x, 55];
const singles = [-1.5, y, 2.0 * 0.25];
const nodes = [null, n, null];
const doubles = [1, 2.5, -3];
const ints = [1, -2, 3];
console.log(bytes[0] + bytes[1], singles[0] + singles[1], nodes[1]!.v, nodes[0] === null, doubles[0] / 4, ints[1] * 4);
for (const d of [0.5, y]) console.log(d * 3.0);
//= 201 -2 7 true 0.25 -8
//= 1.5
//= -1.5
