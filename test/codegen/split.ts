// A recursion's base case returns without the prologue's register saves:
// the recursing side is its own function, `NAME.cold` (passes/split.ts).

let count: i32 = 0;

function swap(v: Int32Array, i: i32, j: i32): void {
  const t = v[i];
  v[i] = v[j];
  v[j] = t;
}

// asm: ^call \$permute\.cold$
// asm-not: ^push r(bx|1[2-5])$
function permute(v: Int32Array, n: i32): void {
  count++;
  if (n != 0) {
    const n1 = n - 1;
    permute(v, n1);
    for (let i: i32 = n1; i >= 0; i--) {
      swap(v, n1, i);
      permute(v, n1);
      swap(v, n1, i);
    }
  }
}

// func: permute.cold
// asm: ^call \$permute$
// asm: ^push rbx$

const v = new Int32Array(5);
permute(v, 5);
console.log(count, v[0], v[4]);
