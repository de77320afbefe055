// fasta.ts for Node: the same algorithm on a Buffer, written with
// fs.writeSync (the TypeScript program's syscall has no Node equivalent).
import { writeSync } from 'node:fs';

const N = 2500000;
const LINE = 60;
const OUT_SIZE = 1 << 16;
const IM = 139968;
const ALU = 'GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA';

const out = Buffer.alloc(OUT_SIZE);
let used = 0;
let seed = 42;

function flush() {
  let done = 0;
  while (done < used) done += writeSync(1, out, done, used - done);
  used = 0;
}

function title(s) {
  if (used + s.length + 1 > OUT_SIZE) flush();
  for (let i = 0; i < s.length; i++) out[used + i] = s.charCodeAt(i);
  out[used + s.length] = 10;
  used += s.length + 1;
}

function repeatFasta(src, n) {
  let k = 0;
  let left = n;
  while (left > 0) {
    const len = left < LINE ? left : LINE;
    if (used + len + 1 > OUT_SIZE) flush();
    for (let i = 0; i < len; i++) {
      out[used + i] = src[k];
      k++;
      if (k === src.length) k = 0;
    }
    out[used + len] = 10;
    used += len + 1;
    left -= len;
  }
}

function thresholds(weights, total) {
  const t = new Int32Array(weights.length);
  let cum = 0;
  for (let i = 0; i < weights.length; i++) {
    cum += weights[i];
    t[i] = Math.trunc((cum * IM) / total);
  }
  return t;
}

function randomFasta(codes, thr, n) {
  let left = n;
  while (left > 0) {
    const len = left < LINE ? left : LINE;
    if (used + len + 1 > OUT_SIZE) flush();
    for (let i = 0; i < len; i++) {
      seed = (seed * 3877 + 29573) % IM;
      let j = 0;
      while (thr[j] <= seed) j++;
      out[used + i] = codes[j];
    }
    out[used + len] = 10;
    used += len + 1;
    left -= len;
  }
}

const bytesOf = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const iub = thresholds([27, 12, 12, 27, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 100);
const homo = thresholds([302955, 197988, 197547, 301510], 1000000);
title('>ONE Homo sapiens alu');
repeatFasta(bytesOf(ALU), 2 * N);
title('>TWO IUB ambiguity codes');
randomFasta(bytesOf('acgtBDHKMNRSVWY'), iub, 3 * N);
title('>THREE Homo sapiens frequency');
randomFasta(bytesOf('acgt'), homo, 5 * N);
flush();
