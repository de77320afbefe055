// Getters and setters, compiled as methods: instance and static ones,
// compound assignment and ++ through them, and overriding (virtual).
class Temperature {
  private celsius: i32 = 0;
  static conversions: i32 = 0;
  get fahrenheit(): i32 {
    Temperature.conversions++;
    return this.celsius * 9 / 5 + 32;
  }
  set fahrenheit(f: i32) {
    this.celsius = (f - 32) * 5 / 9;
  }
  get c(): i32 {
    return this.celsius;
  }
  set c(v: i32) {
    this.celsius = v;
  }
  static get count(): i32 {
    return Temperature.conversions;
  }
  static set count(v: i32) {
    Temperature.conversions = v;
  }
}
class Shape {
  get sides(): i32 {
    return 0;
  }
  get name(): string {
    return 'shape';
  }
}
class Triangle extends Shape {
  override get sides(): i32 {
    return 3;
  }
}
class Square extends Shape {
  override get sides(): i32 {
    return 4;
  }
  override get name(): string {
    return 'square';
  }
}
const t = new Temperature();
t.c = 100;
console.log(t.c, t.fahrenheit);
t.fahrenheit = 212;
console.log(t.c);
t.c += 5;
t.c++;
++t.c;
console.log(t.c, t.c--, t.c);
console.log(Temperature.count);
Temperature.count = 10;
Temperature.count += 1;
console.log(Temperature.count);
const shapes: Shape[] = [new Shape(), new Triangle(), new Square()];
let total = 0;
for (const s of shapes) total += s.sides;
console.log(total, shapes[0].name, shapes[2].name, shapes[1].name);
//= 100 212
//= 100
//= 107 107 106
//= 1
//= 11
//= 7 shape square shape
