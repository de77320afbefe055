// unreachable() marks a point that is never reached; code around it still runs.
function pick(n: i32): string {
  switch (n & 3) {
    case 0:
      return 'zero';
    case 1:
      return 'one';
    case 2:
      return 'two';
    case 3:
      return 'three';
  }
  unreachable();
}
for (let i: i32 = 0; i < 6; i++) console.log(i, pick(i));
//= 0 zero
//= 1 one
//= 2 two
//= 3 three
//= 4 zero
//= 5 one
