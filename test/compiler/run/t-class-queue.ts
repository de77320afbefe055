// A ring-buffer queue class; breadth-first search on a small grid.
class Queue {
  buf: Int32Array;
  head: i32 = 0;
  tail: i32 = 0;
  count: i32 = 0;
  constructor(cap: i32) {
    this.buf = new Int32Array(cap);
  }
  push(v: i32): void {
    this.buf[this.tail] = v;
    this.tail = (this.tail + 1) % this.buf.length;
    this.count++;
  }
  shift(): i32 {
    const v = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.count--;
    return v;
  }
}
const W: i32 = 7;
const H: i32 = 5;
const MAP: string[] = ['.......', '.#####.', '.#...#.', '.#.#.#.', '...#...'];
function bfs(start: i32, goal: i32): i32 {
  const dist = new Int32Array(W * H);
  for (let i: i32 = 0; i < dist.length; i++) dist[i] = -1;
  const q = new Queue(8);
  dist[start] = 0;
  q.push(start);
  while (q.count > 0) {
    const cur = q.shift();
    if (cur == goal) return dist[cur];
    const x = cur % W;
    const y = i32(cur / W);
    for (let d: i32 = 0; d < 4; d++) {
      const nx = x + (d == 0 ? 1 : d == 1 ? -1 : 0);
      const ny = y + (d == 2 ? 1 : d == 3 ? -1 : 0);
      if (nx < 0 || ny < 0 || nx >= W || ny >= H) continue;
      if (MAP[ny].charCodeAt(nx) == 35) continue;
      const n = ny * W + nx;
      if (dist[n] >= 0) continue;
      dist[n] = dist[cur] + 1;
      q.push(n);
    }
  }
  return -1;
}
console.log(bfs(0, 4 * W + 6), bfs(0, 2 * W + 2), bfs(3 * W + 2, 3 * W + 4), bfs(0, 0));
//= 10 8 4 0
