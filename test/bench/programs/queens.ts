// are-we-fast-yet Queens: place 8 queens by backtracking, ten times per
// iteration; the result is true when every placement succeeds.
const ITERATIONS: i32 = 20000;

class Queens {
  freeRows: bool[] = new Array<bool>(8);
  freeMaxs: bool[] = new Array<bool>(16);
  freeMins: bool[] = new Array<bool>(16);
  queenRows: Int32Array = new Int32Array(8);

  run(): bool {
    let result = true;
    for (let i: i32 = 0; i < 10; i++) result = result && this.queens();
    return result;
  }

  queens(): bool {
    for (let i: i32 = 0; i < 8; i++) this.freeRows[i] = true;
    for (let i: i32 = 0; i < 16; i++) this.freeMaxs[i] = true;
    for (let i: i32 = 0; i < 16; i++) this.freeMins[i] = true;
    for (let i: i32 = 0; i < 8; i++) this.queenRows[i] = -1;
    return this.placeQueen(0);
  }

  placeQueen(c: i32): bool {
    for (let r: i32 = 0; r < 8; r++) {
      if (this.getRowColumn(r, c)) {
        this.queenRows[r] = c;
        this.setRowColumn(r, c, false);
        if (c == 7) return true;
        if (this.placeQueen(c + 1)) return true;
        this.setRowColumn(r, c, true);
      }
    }
    return false;
  }

  getRowColumn(r: i32, c: i32): bool {
    return this.freeRows[r] && this.freeMaxs[c + r] && this.freeMins[c - r + 7];
  }

  setRowColumn(r: i32, c: i32, v: bool): void {
    this.freeRows[r] = v;
    this.freeMaxs[c + r] = v;
    this.freeMins[c - r + 7] = v;
  }
}

const bench = new Queens();
let result = true;
let bad: i32 = 0;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  result = bench.run();
  if (!result) bad++;
}
console.log(result, bad);
