// pingpong N [same]: a pipe ping-pong between two processes pinned to
// different CPUs (sched_setaffinity: the parent to CPU 0, its forked child
// to CPU 1; `same`: both to CPU 0), N rounds. Each round the parent writes
// its rdtsc to the child and blocks reading the answer; the child, blocked
// in read, wakes, takes rdtsc at once and sends it back. Prints the fewest
// and the median TSC ticks of the wake-up (the parent's write to the
// child's first user instruction after its read: on another CPU, that CPU
// was halted idle and the wake-up IPI, kernel/smp/wake.ts, brought it) and
// of the whole round trip:
//   pingpong: N rounds, cpus 0 and 1
//   pingpong: wake MIN MEDIAN
//   pingpong: round-trip MIN MEDIAN
// Under QEMU's -icount shift=0,sleep=off the TSC counts guest
// instructions (all CPUs') and a timer tick is 10,000,000 of them
// (test/smp/wake.test.ts, `npm run bench`'s smp part). Needs 2 CPUs.
import { argIs, argNumber } from '../lib/args';
import { printf, println } from '../lib/print';
import { close, exit, fork, pipe2, read, schedSetaffinity, wait4, write } from '../lib/sys';
import { O_CLOEXEC } from '../../kernel/syscall/numbers';
import { sortU64 } from 'tskc:collections';

const MAX_ROUNDS: i64 = 100_000;
const there: usize = memory.data(8); // read end, write end (two i32)
const back: usize = memory.data(8);
const word: usize = memory.data(8);
const mask: usize = memory.data(8);
const status: usize = memory.data(8);

/** Pins the caller to CPU `cpu`, or exits 1. */
function pin(cpu: u64): void {
  store<u64>(mask, u64(1) << cpu);
  const r = schedSetaffinity(0, 8, mask);
  if (r < 0) {
    printf(`pingpong: sched_setaffinity to CPU ${cpu} failed (${r})\n`);
    exit(1);
  }
}

function fd(pair: usize, end: i32): i64 {
  return i64(load<i32>(pair + usize(end) * 4));
}

/** Reads or writes the 8 bytes of `word` whole; exits 1 when it cannot. */
function move(out: bool, f: i64): void {
  const n = out ? write(f, word, 8) : read(f, word, 8);
  if (n != 8) {
    printf(`pingpong: ${out ? 'write' : 'read'} gave ${n}\n`);
    exit(1);
  }
}

function child(): never {
  while (true) {
    const n = read(fd(there, 0), word, 8);
    const t = rdtsc();
    if (n == 0) exit(0); // the parent closed its end: done
    if (n != 8) exit(1);
    store<u64>(word, t);
    move(true, fd(back, 1));
  }
}

/** The median of `xs` (sorted in place). */
function median(xs: Uint64Array): u64 {
  sortU64(xs, 0, xs.length);
  return xs[xs.length >> 1];
}

const rounds = argNumber(1, 100);
const otherCpu: u64 = argIs(2, 'same') ? 0 : 1;
if (rounds < 1 || rounds > MAX_ROUNDS) {
  println('usage: pingpong N [same]   (1 <= N <= 100000)');
  exit(2);
}
pin(0);
if (pipe2(there, O_CLOEXEC) < 0 || pipe2(back, O_CLOEXEC) < 0) {
  println('pingpong: pipe2 failed');
  exit(1);
}
const pid = fork();
if (pid < 0) {
  println('pingpong: fork failed');
  exit(1);
}
if (pid == 0) {
  close(fd(there, 1)); // only the parent writes there: its close is the child's end of file
  close(fd(back, 0));
  pin(otherCpu);
  child();
}
close(fd(there, 0));
close(fd(back, 1));
const wakes = new Uint64Array(i32(rounds));
const trips = new Uint64Array(i32(rounds));
for (let i: i32 = 0; i < i32(rounds); i++) {
  const t0 = rdtsc();
  store<u64>(word, t0);
  move(true, fd(there, 1));
  move(false, fd(back, 0));
  const t2 = rdtsc();
  wakes[i] = load<u64>(word) - t0;
  trips[i] = t2 - t0;
}
close(fd(there, 1)); // the child reads end of file and exits
wait4(pid, status, 0);
let fewestWake: u64 = 0xffff_ffff_ffff_ffff;
let fewestTrip: u64 = 0xffff_ffff_ffff_ffff;
for (let i: i32 = 0; i < i32(rounds); i++) {
  if (wakes[i] < fewestWake) fewestWake = wakes[i];
  if (trips[i] < fewestTrip) fewestTrip = trips[i];
}
printf(`pingpong: ${rounds} rounds, cpus 0 and ${otherCpu}\n`);
printf(`pingpong: wake ${fewestWake} ${median(wakes)}\n`);
printf(`pingpong: round-trip ${fewestTrip} ${median(trips)}\n`);
exit(load<i32>(status) == 0 ? 0 : 1);
