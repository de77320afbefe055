// switch with fallthrough, default in the middle, break inside loops.
function describe(n: i32): i32 {
  let r: i32 = 0;
  switch (n) {
    case 0:
      r += 1;
    case 1:
      r += 10;
      break;
    default:
      r = -1;
      break;
    case 5:
    case 6:
      r = 56;
  }
  return r;
}
for (let i: i32 = 0; i < 8; i++) console.log(i, describe(i));
let hits: i32 = 0;
for (let i: i32 = 0; i < 10; i++) {
  switch (i % 3) {
    case 0:
      continue;
    case 1:
      hits += 1;
      break;
  }
  hits += 100;
}
console.log(hits);
//= 0 11
//= 1 10
//= 2 -1
//= 3 -1
//= 4 -1
//= 5 56
//= 6 56
//= 7 -1
//= 603
