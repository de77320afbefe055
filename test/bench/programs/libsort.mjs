// libsort.ts with a JavaScript array, its sort and a binary search loop.
const N = 1 << 20;
const next = (x) => (Math.imul(x, 1664525) + 1013904223) >>> 0;
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function search(v, x) {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(v[mid], x);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid;
    else return mid;
  }
  return -lo - 1;
}

function run() {
  const v = [];
  let x = 7;
  for (let i = 0; i < N; i++) {
    x = next(x);
    v.push(x >>> 4);
  }
  v.sort(compare);
  let sum = 0;
  for (let i = 0; i < N; i++) sum += (v[i] % 1000) * (i % 1000);
  let found = 0;
  for (let i = 0; i < N; i++) {
    x = next(x);
    if (search(v, x >>> 4) >= 0) found++;
  }
  console.log(v.length, sum, found);
}

run();
