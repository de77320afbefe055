// Numeric enums and const enums: members are i32 constants.
enum Color {
  Red,
  Green = 5,
  Blue,
}
const enum Port {
  Com1 = 0x3f8,
  Com2 = 0x2f8,
}
function name(c: Color): string {
  switch (c) {
    case Color.Red:
      return 'red';
    case Color.Green:
      return 'green';
    default:
      return 'blue';
  }
}
let c: Color = Color.Blue;
console.log(Color.Red, Color.Green, c, name(c), name(Color.Red));
console.log(Port.Com1, Port.Com2 + 5, Port.Com1 > Port.Com2);
//= 0 5 6 blue red
//= 1016 765 true
