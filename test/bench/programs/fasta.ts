// The benchmarks game's fasta, n = 2,500,000, with integer thresholds for the
// random picks: about 25 MB of DNA in 60-column lines, built in a byte
// buffer and written with write(2) (programs/fasta.mjs is the same for Node).
const N: i32 = 2500000;
const LINE: i32 = 60;
const OUT_SIZE: i32 = 1 << 16;
const IM: i32 = 139968;

const ALU =
  'GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA';

const out = new Uint8Array(OUT_SIZE);
let used: i32 = 0;
let seed: i32 = 42;

function flush(): void {
  syscall(1, 1, addressof(out[0]), used);
  used = 0;
}

function title(s: string): void {
  if (used + s.length + 1 > OUT_SIZE) flush();
  for (let i: i32 = 0; i < s.length; i++) out[used + i] = u8(s.charCodeAt(i));
  out[used + s.length] = 10;
  used += s.length + 1;
}

function repeatFasta(src: Uint8Array, n: i32): void {
  let k: i32 = 0;
  let left = n;
  while (left > 0) {
    const len = left < LINE ? left : LINE;
    if (used + len + 1 > OUT_SIZE) flush();
    for (let i: i32 = 0; i < len; i++) {
      out[used + i] = src[k];
      k++;
      if (k == src.length) k = 0;
    }
    out[used + len] = 10;
    used += len + 1;
    left -= len;
  }
}

/** Cumulative thresholds out of IM from weights that sum to `total`. */
function thresholds(weights: i32[], total: i32): Int32Array {
  const t = new Int32Array(weights.length);
  let cum: i64 = 0;
  for (let i: i32 = 0; i < weights.length; i++) {
    cum += i64(weights[i]);
    t[i] = i32((cum * i64(IM)) / i64(total));
  }
  return t;
}

function randomFasta(codes: Uint8Array, thr: Int32Array, n: i32): void {
  let left = n;
  while (left > 0) {
    const len = left < LINE ? left : LINE;
    if (used + len + 1 > OUT_SIZE) flush();
    for (let i: i32 = 0; i < len; i++) {
      seed = (seed * 3877 + 29573) % IM;
      let j: i32 = 0;
      while (thr[j] <= seed) j++;
      out[used + i] = codes[j];
    }
    out[used + len] = 10;
    used += len + 1;
    left -= len;
  }
}

function bytesOf(s: string): Uint8Array {
  const a = new Uint8Array(s.length);
  for (let i: i32 = 0; i < s.length; i++) a[i] = u8(s.charCodeAt(i));
  return a;
}

const iub = thresholds([27, 12, 12, 27, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 100);
const homo = thresholds([302955, 197988, 197547, 301510], 1000000);
title('>ONE Homo sapiens alu');
repeatFasta(bytesOf(ALU), 2 * N);
title('>TWO IUB ambiguity codes');
randomFasta(bytesOf('acgtBDHKMNRSVWY'), iub, 3 * N);
title('>THREE Homo sapiens frequency');
randomFasta(bytesOf('acgt'), homo, 5 * N);
flush();
