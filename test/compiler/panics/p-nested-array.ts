// An index out of bounds in an inner array of an array of arrays.
const grid: i32[][] = [[1, 2], [3]];
let total: i32 = 0;
for (let r: i32 = 0; r < grid.length; r++) {
  for (let c: i32 = 0; c < 2; c++) {
    total += grid[r][c];
    console.log(r, c, total);
  }
}
//= 0 0 1
//= 0 1 3
//= 1 0 6
// stderr: panic: index out of bounds
// stderr:     at test/compiler/panics/p-nested-array.ts:6
