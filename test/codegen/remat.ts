// remat (compiler/passes/remat.ts): the outer loop's test is the inner
// loop's, merged by GVN; each branch gets its own compare, so no 0/1 is
// made with setcc and tested again.

let total: i32 = 0;

function take(x: i32): bool {
  total += x;
  return (total & 7) != 0;
}

// asm-not: \bset\w+\b
// asm-not: ^movzx
export function drain(n: i32): i32 {
  let sent: i32 = 0;
  while (sent < 4096) {
    while (sent < 4096 && take(sent + n)) sent++;
    sent++;
  }
  return sent;
}

console.log(drain(3), total);
