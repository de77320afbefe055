// A small seeded pseudo-random generator (xorshift64*) for user programs:
// the same seed gives the same sequence on every target.

export class Random {
  private state: u64 = 0x9e3779b97f4a7c15;

  seed(s: u64): void {
    this.state = s * 0x9e3779b97f4a7c15 + 0x632be59bd9b4e019;
    if (this.state == 0) this.state = 1;
  }

  next(): u64 {
    let x = this.state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    this.state = x;
    return x * 0x2545f4914f6cdd1d;
  }

  /** A value in 0 … n-1 (n > 0). */
  below(n: u64): u64 {
    return this.next() % n;
  }
}
