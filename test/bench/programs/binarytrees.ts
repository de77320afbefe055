// The benchmarks game's binary-trees, depth 18: allocate and free complete
// binary trees (nullable children, explicit frees), count their nodes.
const MIN_DEPTH: i32 = 4;
const MAX_DEPTH: i32 = 18;

class TreeNode {
  constructor(public left: TreeNode | null, public right: TreeNode | null) {}

  check(): i32 {
    const l = this.left;
    const r = this.right;
    if (l === null || r === null) return 1;
    return 1 + l.check() + r.check();
  }
}

function bottomUp(depth: i32): TreeNode {
  if (depth <= 0) return new TreeNode(null, null);
  return new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1));
}

function release(t: TreeNode): void {
  const l = t.left;
  const r = t.right;
  if (l !== null) release(l);
  if (r !== null) release(r);
  free(t);
}

const stretchDepth = MAX_DEPTH + 1;
const stretch = bottomUp(stretchDepth);
console.log('stretch tree of depth', stretchDepth, 'check:', stretch.check());
release(stretch);

const longLived = bottomUp(MAX_DEPTH);
for (let depth: i32 = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
  const iterations: i32 = 1 << (MAX_DEPTH - depth + MIN_DEPTH);
  let check: i32 = 0;
  for (let i: i32 = 0; i < iterations; i++) {
    const t = bottomUp(depth);
    check += t.check();
    release(t);
  }
  console.log(iterations, 'trees of depth', depth, 'check:', check);
}
console.log('long lived tree of depth', MAX_DEPTH, 'check:', longLived.check());
release(longLived);
