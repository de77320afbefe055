// Enum values stored in fields, arrays and passed around; a traffic light.
enum Light {
  Red,
  Green,
  Yellow,
}
function next(l: Light): Light {
  switch (l) {
    case Light.Red:
      return Light.Green;
    case Light.Green:
      return Light.Yellow;
    default:
      return Light.Red;
  }
}
function duration(l: Light): i32 {
  return l == Light.Red ? 30 : l == Light.Green ? 25 : 5;
}
class Crossing {
  light: Light = Light.Red;
  elapsed: i32 = 0;
  advance(): void {
    this.elapsed += duration(this.light);
    this.light = next(this.light);
  }
}
const c = new Crossing();
const seen = new Int32Array(3);
for (let i: i32 = 0; i < 7; i++) {
  seen[c.light]++;
  c.advance();
}
console.log(c.light, c.elapsed, seen[Light.Red], seen[Light.Green], seen[Light.Yellow]);
//= 1 150 3 2 2
