// bool arrays and a game of life step on a small grid.
const N: i32 = 6;
function idx(r: i32, c: i32): i32 {
  return ((r + N) % N) * N + ((c + N) % N);
}
function step(g: bool[]): bool[] {
  const out = new Array<bool>(N * N);
  for (let r: i32 = 0; r < N; r++)
    for (let c: i32 = 0; c < N; c++) {
      let n: i32 = 0;
      for (let dr: i32 = -1; dr <= 1; dr++)
        for (let dc: i32 = -1; dc <= 1; dc++) if ((dr != 0 || dc != 0) && g[idx(r + dr, c + dc)]) n++;
      out[idx(r, c)] = g[idx(r, c)] ? n == 2 || n == 3 : n == 3;
    }
  return out;
}
let g = new Array<bool>(N * N);
for (let i: i32 = 0; i < N * N; i++) g[i] = false;
g[idx(0, 1)] = true;
g[idx(1, 2)] = true;
g[idx(2, 0)] = true;
g[idx(2, 1)] = true;
g[idx(2, 2)] = true;
for (let t: i32 = 0; t < 4; t++) g = step(g);
let alive: i32 = 0;
let where: i32 = 0;
for (let i: i32 = 0; i < N * N; i++)
  if (g[i]) {
    alive++;
    where += i;
  }
console.log(alive, where, g[idx(1, 2)], g[idx(3, 3)]);
//= 5 83 true true
