// A tskc program (linux target) for test/runtime/numfmt.test.ts: reads
// little-endian u64 records from stdin, the first a repeat count and each
// other the bits of a double, and writes formatF64 of each double on its own
// line. Each double is formatted `repeat` times (for timing); only the last
// result is written.
import { formatF64 } from '../../runtime/process/numfmt';

const SYS_READ: i64 = 0;
const SYS_WRITE: i64 = 1;
const CHUNK: usize = 65536;

const inBuf: usize = memory.data(65536);
const outBuf: usize = memory.data(65536);
const text: usize = memory.data(32);
let outUsed: usize = 0;

function flushOut(): void {
  let off: usize = 0;
  while (off < outUsed) {
    const n = syscall(SYS_WRITE, 1, outBuf + off, outUsed - off);
    if (n <= 0) break;
    off += usize(n);
  }
  outUsed = 0;
}

function emit(x: f64, repeat: u64): void {
  let n: i32 = 0;
  for (let i: u64 = 0; i < repeat; i++) n = formatF64(x, text);
  if (outUsed + 40 > CHUNK) flushOut();
  for (let i: i32 = 0; i < n; i++) {
    store<u8>(outBuf + outUsed, load<u8>(text + usize(i)));
    outUsed++;
  }
  store<u8>(outBuf + outUsed, 10);
  outUsed++;
}

function run(): void {
  let have: usize = 0; // bytes in inBuf
  let repeat: u64 = 0;
  let first = true;
  for (;;) {
    const n = syscall(SYS_READ, 0, inBuf + have, CHUNK - have);
    if (n <= 0) break;
    have += usize(n);
    let at: usize = 0;
    while (have - at >= 8) {
      const bits = load<u64>(inBuf + at);
      at += 8;
      if (first) {
        repeat = bits;
        first = false;
      } else {
        emit(reinterpret<f64>(bits), repeat);
      }
    }
    // Keep a partial record for the next read.
    let i: usize = 0;
    while (at < have) {
      store<u8>(inBuf + i, load<u8>(inBuf + at));
      i++;
      at++;
    }
    have = i;
  }
  flushOut();
}

run();
