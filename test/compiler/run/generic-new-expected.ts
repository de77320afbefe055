// `new C(…)` of a generic class without type arguments, where an instance
// of C is expected: the expected type gives them (docs/language.md §6.5),
// so literal arguments take T rather than TypeScript's inferred `number`.
class Box<T extends number> {
  constructor(public v: T) {}
  twice(): T {
    return (this.v * 2) as T;
  }
}
function take(b: Box<u8>): u8 {
  return b.twice();
}
function make(): Box<f32> {
  return new Box(-0.75);
}
class Holder {
  big: Box<i64> = new Box(5000000000);
}
const b: Box<u8> = new Box(120);
const f: Box<f32> = new Box(-0.5 * 3.0);
const n = new Box(2.5); // nothing expected: Box<f64>, as TypeScript infers
console.log(b.v, b.twice(), take(new Box(100)), f.v, make().v, new Holder().big.twice(), n.twice());
//= 120 240 200 -1.5 -0.75 10000000000 5
