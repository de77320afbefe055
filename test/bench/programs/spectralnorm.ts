// spectral-norm (Benchmarks Game) for n = 1000: ten power iterations of
// A^T A; prints the norm times 1e9, truncated. The square root is Newton's
// method written out (Math.sqrt is not in the subset yet), the same in C.
function a(i: i32, j: i32): f64 {
  return 1.0 / f64(((i + j) * (i + j + 1)) / 2 + i + 1);
}

function multiplyAv(n: i32, v: f64[], av: f64[]): void {
  for (let i: i32 = 0; i < n; i++) {
    let sum = 0.0;
    for (let j: i32 = 0; j < n; j++) sum += a(i, j) * v[j];
    av[i] = sum;
  }
}

function multiplyAtv(n: i32, v: f64[], atv: f64[]): void {
  for (let i: i32 = 0; i < n; i++) {
    let sum = 0.0;
    for (let j: i32 = 0; j < n; j++) sum += a(j, i) * v[j];
    atv[i] = sum;
  }
}

function multiplyAtAv(n: i32, v: f64[], out: f64[], tmp: f64[]): void {
  multiplyAv(n, v, tmp);
  multiplyAtv(n, tmp, out);
}

function sqrt(x: f64): f64 {
  let r = x;
  for (let i: i32 = 0; i < 60; i++) r = 0.5 * (r + x / r);
  return r;
}

const N: i32 = 1000;
const u = new Array<f64>(N);
const v = new Array<f64>(N);
const tmp = new Array<f64>(N);
for (let i: i32 = 0; i < N; i++) u[i] = 1.0;
for (let i: i32 = 0; i < 10; i++) {
  multiplyAtAv(N, u, v, tmp);
  multiplyAtAv(N, v, u, tmp);
}
let vBv = 0.0;
let vv = 0.0;
for (let i: i32 = 0; i < N; i++) {
  vBv += u[i] * v[i];
  vv += v[i] * v[i];
}
console.log(i64(sqrt(vBv / vv) * 1e9));
