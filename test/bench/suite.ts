// The generated-code benchmarks of `npm run bench`: each is programs/NAME.ts
// (compiled by tskc and run by Node; for the library's, Node runs
// programs/NAME.mjs) and programs/NAME.c (gcc -O2), and
// every run's output must equal `expected`. Values from REFERENCE.md §6 where
// it has them; the others are agreed on by C, Node and tskc and are
// mathematical facts (prime counts; Storage's 5461 nodes are 4^0 + … + 4^6)
// or fixed by the program (checksums).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Benchmark {
  name: string;
  /** integer-only: counts towards the geometric mean of tskc/gcc */
  integer: boolean;
  expected: string;
  /** what the program does, one line for the docs and the table */
  what: string;
  /**
   * A standard-library benchmark (docs/library.md): Node runs programs/NAME.mjs,
   * the same operations on JavaScript's own Map, Array and sort, and the
   * geometric mean of the language benchmarks leaves it out.
   */
  library?: true;
  /** Node runs programs/NAME.mjs (the program needs a tskc intrinsic such as `syscall`); it still counts. */
  nodeScript?: true;
}

/** `expected` of a benchmark whose output is too long to spell: the SHA-256 of its output. */
export const DIGEST = 'sha256:';

export const programsDir = join(dirname(fileURLToPath(import.meta.url)), 'programs');

export const BENCHMARKS: Benchmark[] = [
  { name: 'fannkuch', integer: true, what: 'fannkuch-redux n=10', expected: '73196\nPfannkuchen(10) = 38\n' },
  {
    name: 'nsieve', integer: true, what: 'nsieve m=9,8,7 (byte flags)',
    expected: 'Primes up to 5120000 356244\nPrimes up to 2560000 187134\nPrimes up to 1280000 98610\n',
  },
  { name: 'sieve', integer: true, what: 'AWFY Sieve x20000', expected: '669 0\n' },
  { name: 'permute', integer: true, what: 'AWFY Permute x8000', expected: '8660 0\n' },
  { name: 'queens', integer: true, what: 'AWFY Queens x20000', expected: 'true 0\n' },
  { name: 'towers', integer: true, what: 'AWFY Towers x3000', expected: '8191 0\n' },
  { name: 'bounce', integer: true, what: 'AWFY Bounce x20000', expected: '1331 0\n' },
  { name: 'list', integer: true, what: 'AWFY List x12000', expected: '10 0\n' },
  { name: 'storage', integer: true, what: 'AWFY Storage x600', expected: '5461 0\n' },
  { name: 'hash', integer: true, what: 'i64 hash loop x1e8', expected: '1058046482\n' },
  {
    name: 'binarytrees', integer: true, what: 'binary-trees depth 18 (new/free per node)',
    expected: 'stretch tree of depth 19 check: 1048575\n' +
      [4, 6, 8, 10, 12, 14, 16, 18].map((d) => `${1 << (18 - d + 4)} trees of depth ${d} check: ${(1 << (18 - d + 4)) * ((1 << (d + 1)) - 1)}\n`).join('') +
      'long lived tree of depth 18 check: 524287\n',
  },
  {
    name: 'fasta', integer: true, nodeScript: true, what: 'fasta n=2.5e6 (25 MB written)',
    expected: `${DIGEST}ce83ab59256ec64e9f6d4a18cb72e763534c45aa3c8ae0afb04811b61d75a209`,
  },
  { name: 'richards', integer: true, what: 'AWFY Richards x1000 (virtual calls)', expected: 'true 0\n' },
  { name: 'kernelish', integer: true, what: 'bitmap frame allocator, ring buffer, page copies x40000', expected: '3664478 97\n' },
  { name: 'mandelbrot', integer: false, what: 'mandelbrot 1000x1000', expected: '396940 13781561\n' },
  { name: 'spectralnorm', integer: false, what: 'spectral-norm n=1000', expected: '1274224148\n' },
  { name: 'nbody', integer: false, what: 'n-body 2e6 steps', expected: '-169075163\n-169026285\n' },
  { name: 'libmap', integer: true, library: true, what: 'HashMap<i32, i32>: 2^21 sets, gets, misses, 2^20 deletes', expected: '954926 2287474729245 245158 1016718\n' },
  { name: 'libsort', integer: true, library: true, what: 'Vec<i32>: 2^20 pushes, sort by comparator, 2^20 binary searches', expected: '1048576 261673011324 3963\n' },
  { name: 'libheap', integer: true, library: true, what: 'MinHeap<i32>: 2^20 pushes, 2^21 pop-and-push rounds, drain', expected: '980158049\n' },
];

/** Benchmarks that wait for a language feature, with what they need. */
export const PENDING: [string, string][] = [];
