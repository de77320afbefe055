// spin [MS [-v]]: a CPU hog for tests. Computes for MS milliseconds of
// CLOCK_MONOTONIC (1000 by default), then prints the clock ticks it got on the
// CPU (times: user and system, 100 a second). Two spins started together
// on one CPU each get about half of the ticks: the scheduler is fair. With
// -v it first prints "spin: started", so a test knows it is running.

import { argIs, argNumber } from '../lib/args';
import { printf, println } from '../lib/print';
import { clockGettime, exit, getpid, isError, times, Timespec, Tms } from '../lib/sys';
import { CLOCK_MONOTONIC } from '../../kernel/syscall/numbers';

const WORK_PER_CHECK: i32 = 100_000; // rounds of arithmetic between two looks at the clock

function nowMs(t: Timespec): i64 {
  if (isError(clockGettime(CLOCK_MONOTONIC, t))) {
    println('spin: clock_gettime failed');
    exit(1);
  }
  return t.sec * 1000 + t.nsec / 1_000_000;
}

const ms = argNumber(1, 1000);
if (ms < 0) {
  println('usage: spin [MS [-v]]');
  exit(2);
}
if (argIs(2, '-v')) println('spin: started');
const t = new Timespec();
const end = nowMs(t) + ms;
let x: u64 = 0x9e3779b97f4a7c15;
while (nowMs(t) < end) {
  for (let i: i32 = 0; i < WORK_PER_CHECK; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
}
const cpu = new Tms();
times(cpu);
printf(`spin: pid ${getpid()} ran ${ms} ms, ${cpu.utime + cpu.stime} ticks on the CPU (${x & 1})\n`);
exit(0);
