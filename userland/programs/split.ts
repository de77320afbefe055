// split N MROUNDS: a CPU-bound job of fixed size, MROUNDS million rounds of
// xorshift arithmetic, split evenly over N forked processes that run at
// once; the parent waits for them all. Prints the wall time the whole job
// took by CLOCK_MONOTONIC and a check word (every child's exit status is
// a bit of its result, so the work cannot be skipped):
//   split: N processes, MROUNDS million rounds, T ms, check C
// `npm run bench`'s smp part times it under -smp 1 and -smp 2
// (test/bench/smp.ts): the same work, so the ratio is the speedup.
import { argNumber } from '../lib/args';
import { printf, println } from '../lib/print';
import { clockGettime, exit, fork, isError, Timespec, wait4 } from '../lib/sys';
import { CLOCK_MONOTONIC } from '../../kernel/syscall/numbers';

const MAX_PROCESSES: i64 = 64;
const status: usize = memory.data(8);

function nowMs(t: Timespec): i64 {
  if (isError(clockGettime(CLOCK_MONOTONIC, t))) {
    println('split: clock_gettime failed');
    exit(1);
  }
  return t.sec * 1000 + t.nsec / 1_000_000;
}

/** `rounds` rounds of xorshift from a seed of its own; the low bit of the result. */
function work(rounds: i64, seed: u64): i32 {
  let x: u64 = 0x9e3779b97f4a7c15 ^ seed;
  for (let i: i64 = 0; i < rounds; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
  return i32(x & 1);
}

const n = argNumber(1, 2);
const mrounds = argNumber(2, 100);
if (n < 1 || n > MAX_PROCESSES || mrounds < 1 || mrounds > 1_000_000) {
  println('usage: split N MROUNDS   (1 <= N <= 64, 1 <= MROUNDS <= 1000000)');
  exit(2);
}
const t = new Timespec();
const start = nowMs(t);
const pids = new Int64Array(i32(n));
for (let i: i64 = 0; i < n; i++) {
  const pid = fork();
  if (pid < 0) {
    println('split: fork failed');
    exit(1);
  }
  if (pid == 0) exit(work((mrounds * 1_000_000) / n, u64(i)));
  pids[i32(i)] = pid;
}
let check: u64 = 0;
for (let i: i32 = 0; i < i32(n); i++) {
  if (wait4(pids[i], status, 0) != pids[i]) {
    println('split: wait4 failed');
    exit(1);
  }
  check |= u64((load<i32>(status) >> 8) & 1) << u64(i);
}
printf(`split: ${n} processes, ${mrounds} million rounds, ${nowMs(t) - start} ms, check ${check}\n`);
exit(0);
