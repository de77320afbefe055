// bool values: truth tables, ==/!= on bools, bool fields, parameters and returns.
const vals: bool[] = [false, true];
for (const x of vals)
  for (const y of vals) console.log(x, y, x && y, x || y, x == y, x != y, !x || y);
function xor(a: bool, b: bool): bool {
  return a != b;
}
class Switch {
  on: bool = false;
  toggle(): bool {
    this.on = !this.on;
    return this.on;
  }
}
const s = new Switch();
console.log(s.toggle(), s.toggle(), s.toggle(), s.on, xor(true, false), xor(true, true));
let count: i32 = 0;
let f: bool = false;
while (!f) {
  count++;
  f = count >= 3;
}
console.log(count, f);
//= false false false false true false true
//= false true false true false true true
//= true false false true false true false
//= true true true true true false true
//= true false true true true false
//= 3 true
