// Nested loops: a multiplication table and counting pythagorean triples.
for (let r: i32 = 1; r <= 4; r++) {
  console.log(r, r * 2, r * 3, r * 4, r * 5);
}
let triples: i32 = 0;
for (let a: i32 = 1; a < 30; a++) {
  for (let b: i32 = a; b < 30; b++) {
    for (let c: i32 = b; c < 40; c++) {
      if (a * a + b * b == c * c) triples++;
    }
  }
}
console.log(triples);
//= 1 2 3 4 5
//= 2 4 6 8 10
//= 3 6 9 12 15
//= 4 8 12 16 20
//= 12
