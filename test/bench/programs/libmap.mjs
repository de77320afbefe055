// libmap.ts with JavaScript's Map (the same operations and output).
const N = 1 << 21;
const next = (x) => (Math.imul(x, 1664525) + 1013904223) >>> 0;

function run() {
  const m = new Map();
  let x = 1;
  for (let i = 0; i < N; i++) {
    x = next(x);
    m.set(x >>> 8, i);
  }
  let sum = 0;
  x = 1;
  for (let i = 0; i < N; i++) {
    x = next(x);
    sum += m.get(x >>> 8) ?? -1;
  }
  let hits = 0;
  for (let i = 0; i < N; i++) {
    x = next(x);
    if (m.has(x >>> 8)) hits++;
  }
  let deleted = 0;
  x = 1;
  for (let i = 0; i < N / 2; i++) {
    x = next(x);
    if (m.delete(x >>> 8)) deleted++;
  }
  console.log(m.size, sum, hits, deleted);
}

run();
