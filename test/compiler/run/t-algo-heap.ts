// A binary min-heap priority queue class; heap sort with it.
class MinHeap {
  data: Int32Array;
  size: i32 = 0;
  constructor(cap: i32) {
    this.data = new Int32Array(cap);
  }
  push(v: i32): void {
    let i = this.size++;
    this.data[i] = v;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.data[p] <= this.data[i]) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): i32 {
    const top = this.data[0];
    this.data[0] = this.data[--this.size];
    let i: i32 = 0;
    while (true) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.data[l] < this.data[m]) m = l;
      if (r < this.size && this.data[r] < this.data[m]) m = r;
      if (m == i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
  swap(a: i32, b: i32): void {
    const t = this.data[a];
    this.data[a] = this.data[b];
    this.data[b] = t;
  }
}
const h = new MinHeap(32);
const xs: i32[] = [42, 7, 19, -4, 100, 7, 0, 63, -20, 5];
for (const x of xs) h.push(x);
while (h.size > 0) console.log(h.pop());
//= -20
//= -4
//= 0
//= 5
//= 7
//= 7
//= 19
//= 42
//= 63
//= 100
