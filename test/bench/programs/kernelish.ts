// A kernel-shaped workload: a bitmap frame allocator (word scans for a clear
// bit, frees that move the search hint back), a byte ring buffer between a
// producer and a consumer, and page-sized byte copies, over 64 frames of
// 4 KiB. Every step feeds a checksum.
const ROUNDS: i32 = 40000;
const FRAMES: i32 = 1 << 16;
const PAGE: i32 = 4096;
const POOL: i32 = 64;
const RING: i32 = 1024;

class FrameBitmap {
  bits: Uint32Array = new Uint32Array(FRAMES >> 5);
  hint: i32 = 0;

  alloc(): i32 {
    const words = this.bits.length;
    for (let n: i32 = 0; n < words; n++) {
      let w = this.hint + n;
      if (w >= words) w -= words;
      const word = this.bits[w];
      if (word != 0xffffffff) {
        let b: u32 = 0;
        while (((word >>> b) & 1) != 0) b++;
        this.bits[w] = word | (u32(1) << b);
        this.hint = w;
        return w * 32 + i32(b);
      }
    }
    return -1;
  }

  release(frame: i32): void {
    const w = frame >> 5;
    this.bits[w] = this.bits[w] & ~(u32(1) << u32(frame & 31));
    if (w < this.hint) this.hint = w;
  }
}

class ByteRing {
  data: Uint8Array = new Uint8Array(RING);
  head: i32 = 0;
  tail: i32 = 0;

  push(b: u8): bool {
    if (this.head - this.tail == RING) return false;
    this.data[this.head & (RING - 1)] = b;
    this.head++;
    return true;
  }

  pop(): i32 {
    if (this.head == this.tail) return -1;
    const b = this.data[this.tail & (RING - 1)];
    this.tail++;
    return i32(b);
  }
}

const pool = new Uint8Array(POOL * PAGE);
const owned = new Int32Array(POOL);
let seed: i32 = 74755;

function nextRandom(): i32 {
  seed = (seed * 1309 + 13849) & 65535;
  return seed;
}

/** Copies one page of the pool to another, byte by byte. */
function copyPage(dst: i32, src: i32): void {
  const d = dst * PAGE;
  const s = src * PAGE;
  for (let i: i32 = 0; i < PAGE; i++) pool[d + i] = pool[s + i];
}

/** Streams a page through the ring in bursts; returns the bytes' checksum. */
function stream(ring: ByteRing, page: i32): i32 {
  const base = page * PAGE;
  let sum: i32 = 0;
  let sent: i32 = 0;
  while (sent < PAGE) {
    while (sent < PAGE && ring.push(pool[base + sent])) sent++;
    let b = ring.pop();
    while (b >= 0) {
      sum = (sum * 31 + b) & 0xffffff;
      b = ring.pop();
    }
  }
  return sum;
}

const frames = new FrameBitmap();
const ring = new ByteRing();
for (let i: i32 = 0; i < PAGE; i++) pool[i] = u8(i * 7 + 3);
// A fragmented bitmap: every third frame of the first half taken for good.
for (let f: i32 = 0; f < FRAMES / 2; f += 3) frames.bits[f >> 5] = frames.bits[f >> 5] | (u32(1) << u32(f & 31));
for (let i: i32 = 0; i < POOL; i++) owned[i] = frames.alloc();

let check: i32 = 0;
for (let round: i32 = 0; round < ROUNDS; round++) {
  // Give back a few frames and take new ones: the scan starts at the hint.
  for (let k: i32 = 0; k < 8; k++) {
    const slot = nextRandom() & (POOL - 1);
    frames.release(owned[slot]);
    owned[slot] = frames.alloc();
  }
  const src = nextRandom() & (POOL - 1);
  const dst = (src + 1 + (nextRandom() & 31)) & (POOL - 1);
  copyPage(dst, src);
  pool[dst * PAGE + (round & (PAGE - 1))] = u8(round);
  check = (check * 17 + stream(ring, dst) + owned[dst]) & 0xffffff;
}
console.log(check, frames.alloc());
