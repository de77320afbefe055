// Register allocation (compiler/x86/regalloc.ts, coalesce.ts).

/** @noinline */
function tick(k: i32): bool {
  return (k & 3) == 0;
}

// A counter carried around two loops and live across the call in the inner
// one: phi copies coalesce, so it stays in one callee-saved register, with
// no copies to and from another register around the back edges.
// asm: ^lea (e\w+|r\w+d), \[r\w+ \+ 1\]$
// asm-not: ^mov (?!rdi\b|rax\b)\w+, (?!rdi\b|rsi\b|rsp\b)[re]\w+$
function countTicks(n: i32, m: i32): i32 {
  let c: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    for (let j: i32 = 0; j < m; j++) {
      if (tick(j)) c += 1;
    }
  }
  return c;
}

// Nine values live at once and no call: r10 and r11 hold two of them
// (nothing spills), so no callee-saved register is pushed.
// asm: \br1[01]\b
// asm-not: ^push (rbx|r1[2-5])$
function nine(p: usize, q: u64): u64 {
  const a = load<u64>(p);
  const b = load<u64>(p + 8);
  const c = load<u64>(p + 16);
  const d = load<u64>(p + 24);
  const e = load<u64>(p + 32);
  const f = load<u64>(p + 40);
  const g = load<u64>(p + 48);
  store<u64>(p, q);
  return (a * b) ^ (c * d) ^ (e * f) ^ (g * q);
}

const words = new Array<u64>(8);
for (let i: i32 = 0; i < 8; i++) words[i] = u64(i) * 3 + 1;
console.log(countTicks(10, 20), nine(changetype<usize>(words) + 8, 5));
