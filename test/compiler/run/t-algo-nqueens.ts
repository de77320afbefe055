// N-queens by backtracking with column and diagonal masks in u32.
let solutions: i32 = 0;
function place(n: i32, row: i32, cols: u32, d1: u32, d2: u32): void {
  if (row == n) {
    solutions++;
    return;
  }
  for (let c: i32 = 0; c < n; c++) {
    const cb = u32(1) << u32(c);
    const b1 = u32(1) << u32(row + c);
    const b2 = u32(1) << u32(row - c + n - 1);
    if ((cols & cb) != 0 || (d1 & b1) != 0 || (d2 & b2) != 0) continue;
    place(n, row + 1, cols | cb, d1 | b1, d2 | b2);
  }
}
for (let n: i32 = 1; n <= 9; n++) {
  solutions = 0;
  place(n, 0, 0, 0, 0);
  console.log(n, solutions);
}
//= 1 1
//= 2 0
//= 3 0
//= 4 2
//= 5 10
//= 6 4
//= 7 40
//= 8 92
//= 9 352
