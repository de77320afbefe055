// Labelled continue in while and do-while, labels on nested blocks.
let hits: i32 = 0;
let i: i32 = 0;
outer: while (i < 6) {
  i++;
  let j: i32 = 0;
  do {
    j++;
    if (j == i) continue outer;
    hits++;
  } while (j < 10);
}
console.log(hits);
let trace: i32 = 0;
a: {
  trace += 1;
  b: {
    trace += 10;
    if (trace > 5) break a;
    trace += 100;
  }
  trace += 1000;
}
console.log(trace);
let found: i32 = 0;
search: for (let x: i32 = 1; x < 20; x++) {
  for (let y: i32 = 1; y < 20; y++) {
    if (y > x) continue search;
    if (x * y == 96) {
      found = x * 100 + y;
      break search;
    }
  }
}
console.log(found);
//= 15
//= 11
//= 1208
