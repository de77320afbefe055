// Matrix multiplication with arrays of arrays.
function make(n: i32, m: i32): i32[][] {
  const rows = new Array<i32[]>(n);
  for (let i: i32 = 0; i < n; i++) {
    const r = new Array<i32>(m);
    for (let j: i32 = 0; j < m; j++) r[j] = 0;
    rows[i] = r;
  }
  return rows;
}
function mul(a: i32[][], b: i32[][]): i32[][] {
  const n = a.length;
  const m = b[0].length;
  const k = b.length;
  const c = make(n, m);
  for (let i: i32 = 0; i < n; i++)
    for (let j: i32 = 0; j < m; j++) {
      let s: i32 = 0;
      for (let x: i32 = 0; x < k; x++) s += a[i][x] * b[x][j];
      c[i][j] = s;
    }
  return c;
}
function show(m: i32[][]): void {
  for (const row of m) {
    if (row.length == 2) console.log(row[0], row[1]);
    else console.log(row[0], row[1], row[2]);
  }
}
const a: i32[][] = [
  [1, 2, 3],
  [4, 5, 6],
];
const b: i32[][] = [
  [7, 8],
  [9, 10],
  [11, 12],
];
show(mul(a, b));
show(mul(b, a));
const fib: i32[][] = [
  [1, 1],
  [1, 0],
];
let p = fib;
for (let i: i32 = 0; i < 20; i++) p = mul(p, fib);
show(p);
//= 58 64
//= 139 154
//= 39 54 69
//= 49 68 87
//= 59 82 105
//= 17711 10946
//= 10946 6765
