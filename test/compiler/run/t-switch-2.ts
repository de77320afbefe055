// switch: default first, default only, no match, case expressions, one evaluation.
function classify(c: i32): string {
  switch (c) {
    default:
      return 'other';
    case 32:
    case 9:
      return 'space';
    case 48:
      return 'zero';
  }
}
console.log(classify(32), classify(9), classify(48), classify(65));
let evals: i32 = 0;
function next(): i32 {
  evals++;
  return evals * 10;
}
const BASE: i32 = 10;
switch (next()) {
  case BASE - 10:
    console.log('zero');
    break;
  case BASE:
    console.log('ten');
    break;
  case BASE * 2:
    console.log('twenty');
}
console.log(evals);
let r: i32 = 0;
switch (r) {
  default:
    r = 5;
}
switch (r) {
  case 1:
    r = 100;
}
console.log(r);
//= space space zero other
//= ten
//= 1
//= 5
