// A binary search tree whose missing children point at a shared sentinel.
class TreeNode {
  left!: TreeNode;
  right!: TreeNode;
  constructor(public key: i32) {}
}
class Tree {
  nil: TreeNode;
  root: TreeNode;
  size: i32 = 0;
  constructor() {
    this.nil = new TreeNode(-1);
    this.root = this.nil;
  }
  insert(k: i32): void {
    const n = new TreeNode(k);
    n.left = this.nil;
    n.right = this.nil;
    if (this.root === this.nil) {
      this.root = n;
      this.size++;
      return;
    }
    let cur = this.root;
    while (true) {
      if (k == cur.key) return;
      if (k < cur.key) {
        if (cur.left === this.nil) {
          cur.left = n;
          break;
        }
        cur = cur.left;
      } else {
        if (cur.right === this.nil) {
          cur.right = n;
          break;
        }
        cur = cur.right;
      }
    }
    this.size++;
  }
  contains(k: i32): bool {
    let cur = this.root;
    while (cur !== this.nil) {
      if (k == cur.key) return true;
      cur = k < cur.key ? cur.left : cur.right;
    }
    return false;
  }
  height(n: TreeNode): i32 {
    if (n === this.nil) return 0;
    const l = this.height(n.left);
    const r = this.height(n.right);
    return 1 + (l > r ? l : r);
  }
  inorder(n: TreeNode): void {
    if (n === this.nil) return;
    this.inorder(n.left);
    console.log(n.key);
    this.inorder(n.right);
  }
}
const t = new Tree();
const keys: i32[] = [50, 30, 70, 20, 40, 60, 80, 30, 65, 10];
for (const k of keys) t.insert(k);
console.log(t.size, t.height(t.root), t.contains(65), t.contains(66));
t.inorder(t.root);
//= 9 4 true false
//= 10
//= 20
//= 30
//= 40
//= 50
//= 60
//= 65
//= 70
//= 80
