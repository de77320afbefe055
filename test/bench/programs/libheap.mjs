// libheap.ts on a JavaScript array: the same binary heap, same operations.
const N = 1 << 20;
const next = (x) => (Math.imul(x, 1664525) + 1013904223) >>> 0;
const earlier = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function push(a, x) {
  let i = a.length;
  a.push(x);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (earlier(x, a[parent]) >= 0) break;
    a[i] = a[parent];
    i = parent;
  }
  a[i] = x;
}

function pop(a) {
  const top = a[0];
  const last = a.pop();
  const n = a.length;
  if (n === 0) return top;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && earlier(a[child + 1], a[child]) < 0) child++;
    if (earlier(last, a[child]) <= 0) break;
    a[i] = a[child];
    i = child;
  }
  a[i] = last;
  return top;
}

function run() {
  const h = [];
  let x = 3;
  for (let i = 0; i < N; i++) {
    x = next(x);
    push(h, x >>> 8);
  }
  let sum = 0;
  for (let i = 0; i < 2 * N; i++) {
    const t = pop(h);
    sum = (sum + t) % 1000000007;
    x = next(x);
    push(h, t + (x >>> 16));
  }
  while (h.length > 0) sum = (sum + pop(h)) % 1000000007;
  console.log(sum);
}

run();
