// kbench: the kernel paths of the benchmark (issue #8, `npm run bench`),
// timed with rdtsc from ring 3. Under QEMU's `-icount shift=0,sleep=off`
// the TSC counts guest instructions exactly, so each figure is the
// instructions from the `syscall` (or the spawn call) to the next user
// instruction, less the cost of the two rdtsc reads themselves (`switch`:
// half a round trip through another process; `pipe-round-trip`: a byte
// to `cat` and back through two pipes; `fork-…`: from the fork to the
// parent's return from wait4). Prints one
// line per path, "kbench: NAME MIN", the fewest of several runs, then
// "kbench: done". On an ordinary QEMU or machine the numbers are cycles.

import { F_DUPFD_CLOEXEC, O_CLOEXEC, O_WRONLY, SYS_EXIT, SYS_GETPID, SYS_SCHED_YIELD, SYS_WRITE } from '../../kernel/syscall/numbers';
import { printf } from '../lib/print';
import { close, dup2, execve, fcntl, fork, open, pipe2, read, spawn, spawnBackground, wait, wait4, write } from '../lib/sys';

const RUNS: i32 = 20;
const text = 'ab';
let overhead: u64 = 0;

/** The fewest ticks of `RUNS` runs of an empty rdtsc pair. */
function emptyPair(): u64 {
  let best: u64 = 0xffffffffffffffff;
  for (let i: i32 = 0; i < RUNS; i++) {
    const t0 = rdtsc();
    const t1 = rdtsc();
    if (t1 - t0 < best) best = t1 - t0;
  }
  return best;
}

function report(name: string, best: u64): void {
  printf(`kbench: ${name} ${best - overhead}\n`);
}

function benchSyscall(name: string, nr: i64): void {
  let best: u64 = 0xffffffffffffffff;
  for (let i: i32 = 0; i < RUNS; i++) {
    const t0 = rdtsc();
    syscall(nr);
    const t1 = rdtsc();
    if (t1 - t0 < best) best = t1 - t0;
  }
  report(name, best);
}

/** The fewest ticks of writing the 2 bytes of `text` to `fd`. */
function benchWrite(name: string, fd: i64): void {
  let best: u64 = 0xffffffffffffffff;
  for (let i: i32 = 0; i < 5; i++) {
    const t0 = rdtsc();
    syscall(SYS_WRITE, fd, changetype<usize>(text) + 8, 2);
    const t1 = rdtsc();
    if (t1 - t0 < best) best = t1 - t0;
  }
  if (fd == 1) printf('\n');
  report(name, best);
}

function benchSpawn(name: string, line: string, runs: i32): void {
  let best: u64 = 0xffffffffffffffff;
  for (let i: i32 = 0; i < runs; i++) {
    const t0 = rdtsc();
    spawn(changetype<usize>(line) + 8, usize(line.length));
    const t1 = rdtsc();
    if (t1 - t0 < best) best = t1 - t0;
  }
  report(name, best);
}

/**
 * A switch between two processes: with `yielder` running in the background,
 * a sched_yield goes to it and its next sched_yield comes back. Half the
 * fewest ticks of that round trip.
 */
function benchSwitch(): void {
  const line = 'yielder 200';
  const pid = spawnBackground(changetype<usize>(line) + 8, usize(line.length));
  let best: u64 = 0xffffffffffffffff;
  for (let i: i32 = 0; i < RUNS; i++) {
    const t0 = rdtsc();
    syscall(SYS_SCHED_YIELD);
    const t1 = rdtsc();
    if (t1 - t0 < best) best = t1 - t0;
  }
  wait(pid);
  report('switch', (best - overhead) / 2 + overhead);
}

const there: usize = memory.data(8); // a pipe's fds: read end, write end (two i32)
const back: usize = memory.data(8);
const byte: usize = memory.data(8);

/**
 * A 1-byte round trip through two pipes and another process: `cat` in the
 * background reads the first pipe (its fd 0) and writes what it reads to
 * the second (its fd 1); one write, then the read of the byte coming back.
 * Two switches and four system calls; the fewest ticks.
 */
function benchPipe(): void {
  pipe2(there, O_CLOEXEC);
  pipe2(back, O_CLOEXEC);
  const in0 = fcntl(0, F_DUPFD_CLOEXEC, 10);
  const out1 = fcntl(1, F_DUPFD_CLOEXEC, 10);
  dup2(i64(load<i32>(there)), 0);
  dup2(i64(load<i32>(back + 4)), 1);
  const line = 'cat';
  const pid = spawnBackground(changetype<usize>(line) + 8, usize(line.length));
  dup2(in0, 0);
  dup2(out1, 1);
  close(in0);
  close(out1);
  close(i64(load<i32>(there)));
  close(i64(load<i32>(back + 4)));
  let best: u64 = 0xffffffffffffffff;
  for (let i: i32 = 0; i < RUNS; i++) {
    const t0 = rdtsc();
    write(i64(load<i32>(there + 4)), byte, 1);
    read(i64(load<i32>(back)), byte, 1);
    const t1 = rdtsc();
    if (t1 - t0 < best) best = t1 - t0;
  }
  close(i64(load<i32>(there + 4))); // cat reads end of file and exits
  close(i64(load<i32>(back)));
  wait(pid);
  report('pipe-round-trip', best);
}

const status: usize = memory.data(8);
const trueArgv: usize = memory.data(16);

/**
 * fork + exit + wait4: the child exits at once (`exec` false) or first
 * execs /bin/true (`exec` true: the spawn equivalent); the fewest ticks
 * from the fork to wait4's return in the parent.
 */
function benchFork(name: string, exec: bool, runs: i32): void {
  store<usize>(trueArgv, changetype<usize>('true') + 8);
  store<usize>(trueArgv + 8, 0);
  let best: u64 = 0xffffffffffffffff;
  for (let i: i32 = 0; i < runs; i++) {
    const t0 = rdtsc();
    const pid = fork();
    if (pid == 0) {
      if (exec) execve(changetype<usize>('/bin/true') + 8, trueArgv, 0);
      syscall(SYS_EXIT, 0);
    }
    wait4(pid, status, 0);
    const t1 = rdtsc();
    if (t1 - t0 < best) best = t1 - t0;
  }
  report(name, best);
}

overhead = emptyPair();
benchSyscall('getpid', SYS_GETPID);
benchSyscall('yield', SYS_SCHED_YIELD);
benchWrite('write2', 1);
const nullFd = open('/dev/null', O_WRONLY);
benchWrite('write2-null', nullFd);
close(nullFd);
benchSwitch();
benchPipe();
benchSpawn('spawn-exit-reap', 'true', 10);
benchSpawn('fault-kill-reap', 'crash null', 3);
benchFork('fork-exit-wait', false, 10);
benchFork('fork-exec-exit-wait', true, 10);
printf('kbench: done\n');
