// are-we-fast-yet Storage: a tree four wide and seven deep whose leaves are
// arrays of 1–10 elements, sizes from AWFY's Random: 5461 nodes. A tskc
// array holds one element type, so each node is a Tree holding either its
// array of four subtrees or its leaf array (the other is null); the tree is
// freed after each iteration.
const ITERATIONS: i32 = 600;

class Random {
  seed: i32 = 74755;

  next(): i32 {
    this.seed = (this.seed * 1309 + 13849) & 65535;
    return this.seed;
  }
}

class Tree {
  constructor(readonly kids: Tree[] | null, readonly leaf: Int32Array | null) {}
}

class Storage {
  count: i32 = 0;

  run(): i32 {
    const random = new Random();
    this.count = 0;
    freeTree(this.buildTreeDepth(7, random));
    free(random);
    return this.count;
  }

  buildTreeDepth(depth: i32, random: Random): Tree {
    this.count++;
    if (depth == 1) return new Tree(null, new Int32Array((random.next() % 10) + 1));
    const kids = new Array<Tree>(4);
    for (let i: i32 = 0; i < 4; i++) kids[i] = this.buildTreeDepth(depth - 1, random);
    return new Tree(kids, null);
  }
}

function freeTree(t: Tree): void {
  const kids = t.kids;
  if (kids !== null) {
    for (const k of kids) freeTree(k);
    free(kids);
  }
  const leaf = t.leaf;
  if (leaf !== null) free(leaf);
  free(t);
}

const bench = new Storage();
let result: i32 = 0;
let bad: i32 = 0;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  result = bench.run();
  if (result != 5461) bad++;
}
console.log(result, bad);
