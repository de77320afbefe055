// Single inheritance with overriding and dynamic dispatch; super calls.
class Shape {
  constructor(public name: string) {}
  area(): i32 {
    return 0;
  }
  describe(): i32 {
    console.log(this.name, this.area());
    return this.area();
  }
}
class Rect extends Shape {
  constructor(public w: i32, public h: i32) {
    super('rect');
  }
  area(): i32 {
    return this.w * this.h;
  }
}
class Square extends Rect {
  constructor(side: i32) {
    super(side, side);
    this.name = 'square';
  }
}
class Circle extends Shape {
  r: i32 = 0;
  scaled: i32 = this.r * 2;
  constructor(r: i32) {
    super('circle');
    this.r = r;
  }
  area(): i32 {
    return 3 * this.r * this.r;
  }
  describe(): i32 {
    console.log('a circle of radius', this.r);
    return super.describe() + 1;
  }
}

const shapes: Shape[] = [new Rect(2, 3), new Square(4), new Circle(5), new Shape('blob')];
let total: i32 = 0;
for (const s of shapes) total += s.describe();
console.log('total', total);
const c = new Circle(1);
console.log(c.scaled, c.area(), c.name);
//= rect 6
//= square 16
//= a circle of radius 5
//= circle 75
//= blob 0
//= total 98
//= 0 3 circle
