// are-we-fast-yet Permute: count the calls that generate every permutation
// of 6 elements by swapping, 8660 of them.
const ITERATIONS: i32 = 8000;

class Permute {
  count: i32 = 0;
  v: Int32Array = new Int32Array(6);

  run(): i32 {
    this.count = 0;
    for (let i: i32 = 0; i < 6; i++) this.v[i] = 0;
    this.permute(6);
    return this.count;
  }

  permute(n: i32): void {
    this.count++;
    if (n != 0) {
      const n1 = n - 1;
      this.permute(n1);
      for (let i: i32 = n1; i >= 0; i--) {
        this.swap(n1, i);
        this.permute(n1);
        this.swap(n1, i);
      }
    }
  }

  swap(i: i32, j: i32): void {
    const tmp = this.v[i];
    this.v[i] = this.v[j];
    this.v[j] = tmp;
  }
}

const bench = new Permute();
let result: i32 = 0;
let bad: i32 = 0;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  result = bench.run();
  if (result != 8660) bad++;
}
console.log(result, bad);
