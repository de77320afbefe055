// Jump threading (compiler/passes/thread.ts): the boolean an inlined method
// returns decides the caller's loop test without being made: no 1 or 0 is
// put in a register and tested; a full ring leaves the loop from the
// method's own compare, a stored byte goes on to the next one.

class Ring {
  data: Uint8Array = new Uint8Array(64);
  head: i32 = 0;
  tail: i32 = 0;

  push(b: u8): bool {
    if (this.head - this.tail == 64) return false;
    this.data[this.head & 63] = b;
    this.head++;
    return true;
  }
}

// asm-not: ^mov e\w+, 1$
// asm-not: ^test e\w+, e\w+$
// asm-not: \bset\w+\b
export function fill(r: Ring, n: i32): i32 {
  let sent: i32 = 0;
  while (sent < n && r.push(u8(sent))) sent++;
  return sent;
}

const r = new Ring();
console.log(fill(r, 100), fill(r, 10));
