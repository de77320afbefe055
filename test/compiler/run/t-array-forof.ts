// for…of with break, continue and labels over nested arrays.
const data: i32[][] = [[1, 2, 3], [4, -1, 6], [7, 8, 9], [0, 0, 0]];
let sum: i32 = 0;
rows: for (const row of data) {
  for (const v of row) {
    if (v < 0) continue rows;
    if (v == 8) break rows;
    if (v % 2 == 0) continue;
    sum += v;
  }
}
console.log(sum);
let visits: i32 = 0;
for (const row of data) {
  for (const v of row) {
    visits++;
    if (v == 0) break;
  }
}
console.log(visits);
const empty = new Int32Array(0);
for (const e of empty) console.log('never', e);
console.log(empty.length);
//= 11
//= 10
//= 0
