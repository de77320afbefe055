// Methods calling methods, methods with several parameters and returning objects.
class Vec {
  constructor(public x: i32, public y: i32) {}
  add(o: Vec): Vec {
    return new Vec(this.x + o.x, this.y + o.y);
  }
  scale(k: i32): Vec {
    return new Vec(this.x * k, this.y * k);
  }
  dot(o: Vec): i32 {
    return this.x * o.x + this.y * o.y;
  }
  norm2(): i32 {
    return this.dot(this);
  }
  equals(o: Vec): bool {
    return this.x == o.x && this.y == o.y;
  }
}
const a = new Vec(1, 2);
const b = new Vec(-3, 4);
const c = a.add(b).scale(3);
console.log(c.x, c.y, a.dot(b), b.norm2(), c.norm2());
console.log(a.equals(new Vec(1, 2)), a.equals(b), a.add(b).equals(new Vec(-2, 6)));
//= -6 18 5 25 360
//= true false true
