// Null for every kind of reference: interfaces, function values, strings,
// arrays; nested optional chains, optional method calls, `&&` conditions.
interface Shape {
  area(): i32;
}
class Square implements Shape {
  constructor(public side: i32) {}
  area(): i32 {
    return this.side * this.side;
  }
}
class Holder {
  shape: Shape | null = null;
  op: ((x: i32) => i32) | null = null;
  label: string | null = null;
  inner: Holder | null = null;
  hits: i32 = 0;
  touch(): void {
    this.hits++;
  }
  get2(): Holder | null {
    return this.inner;
  }
}
function twice(x: i32): i32 {
  return x * 2;
}
function describe(h: Holder | null): i32 {
  if (h === null) return -1;
  if (h.shape && h.shape.area() > 10) return 1;
  return h.op !== null ? h.op(5) : 0;
}
const h = new Holder();
const empty: Holder | null = null;
console.log(describe(null), describe(h), describe(empty));
h.op = twice;
console.log(describe(h), h.op?.(7) ?? 0);
h.shape = new Square(4);
console.log(describe(h), h.shape?.area() ?? 0);
console.log(h.label === null, h.label ?? 'none', h.label == null);
h.label = 'x';
console.log(h.label === 'x', h.label !== null, h.label ?? 'none');
console.log(h.inner?.inner?.hits ?? -5, h.get2()?.hits ?? -6);
h.inner = new Holder();
h.inner.inner = new Holder();
h.inner.inner.hits = 9;
console.log(h.inner?.inner?.hits ?? -5, h.get2()?.hits ?? -6);
h.inner?.touch();
h.inner.inner?.touch();
h.inner.inner.inner?.touch();
console.log(h.inner.hits, h.inner.inner.hits);
const shapes: (Shape | null)[] = [new Square(2), null, new Square(3)];
let total = 0;
for (const s of shapes) total += s?.area() ?? 100;
console.log(total);
let lazy: Holder | null = null;
function getLazy(): Holder {
  lazy ??= new Holder();
  lazy.hits++;
  return lazy;
}
console.log(getLazy().hits, getLazy().hits, lazy !== null);
//= -1 0 -1
//= 10 14
//= 1 16
//= true none true
//= true true x
//= -5 -6
//= 9 0
//= 1 10
//= 113
//= 1 2 true
