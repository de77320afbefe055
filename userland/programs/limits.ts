// limits: checks the kernel's limits and the errors that report them, the
// tskc-specific ones that selftest (which also runs on Linux) cannot:
//   fds    the 14th open beyond fds 0–2 is -EMFILE (MAX_FDS = 16), and a
//          closed fd is reused;
//   name   a 4095-byte path is looked up (-ENOENT), a 4096-byte one is
//          -ENAMETOOLONG (PATH_MAX = 4096 with its NUL, as Linux);
//   line   a 257-byte spawn line is -E2BIG, a 256-byte one is looked up;
//   table  spawning itself ever deeper (`limits deep N`) ends with -EAGAIN
//          once the process table (MAX_PROCESSES = 64) is full; it prints
//          the depth reached;
//   background  children spawned without waiting run alongside it; wait
//          takes their statuses in any order, once (then -ECHILD), also a
//          killed one's; some are left unwaited when it exits.
// Prints "limits: NAME ok" per check and "limits: done, F failed".

import { E2BIG, EAGAIN, ECHILD, EMFILE, ENAMETOOLONG, ENOENT, O_RDONLY, SYS_OPEN } from '../../kernel/syscall/numbers';
import { argIs, argNumber } from '../lib/args';
import { printf } from '../lib/print';
import { close, exit, isError, open, schedYield, spawn, spawnBackground, wait } from '../lib/sys';

const line: usize = memory.data(4200);
let failures: i32 = 0;

/** Prints the verdict; on failure the two results that were wrong. */
function report(name: string, ok: bool, a: i64, b: i64): void {
  if (ok) printf(`limits: ${name} ok\n`);
  else {
    printf(`limits: ${name} FAILED: got ${a} and ${b}\n`);
    failures++;
  }
}

function checkFds(): void {
  const fds = new Int64Array(16);
  let opened: i32 = 0;
  let last: i64 = 0;
  while (opened < 16) {
    last = open('/dev/null', O_RDONLY);
    if (isError(last)) break;
    fds[opened] = last;
    opened++;
  }
  close(fds[5]);
  const again = open('/dev/null', O_RDONLY);
  for (let i: i32 = 0; i < opened; i++) close(i == 5 ? again : fds[i]);
  report('fds', opened == 13 && last == -EMFILE && again == fds[5], i64(opened), last);
}

/** Opens a path of `n` bytes: '/dev/' and then 'x's. */
function openPathOf(n: usize): i64 {
  memset(line, 0x78, n);
  memcpy(line, changetype<usize>('/dev/') + 8, 5);
  store<u8>(line + n, 0);
  return syscall(SYS_OPEN, line, O_RDONLY, 0);
}

function checkName(): void {
  const fits = openPathOf(4095);
  const long = openPathOf(4096);
  report('name', fits == -ENOENT && long == -ENAMETOOLONG, fits, long);
}

function checkLine(): void {
  memset(line, 0x78, 300); // 'x' × 300: no such program
  const fits = spawn(line, 256);
  const long = spawn(line, 257);
  report('line', fits == -ENOENT && long == -E2BIG, fits, long);
}

/** Spawns `limits deep DEPTH` (DEPTH < 1000); its status. */
function spawnDeeper(depth: i64): i64 {
  memcpy(line, changetype<usize>('limits deep ') + 8, 12);
  let n: usize = 12;
  for (let unit: i64 = 100; unit > 0; unit /= 10) {
    store<u8>(line + n, u8(48 + (depth / unit) % 10));
    n++;
  }
  return spawn(line, n);
}

/**
 * `limits deep N`: spawns `limits deep N+1`. The process whose spawn gets
 * -EAGAIN exits with its depth; every other passes its child's status up
 * (255: another error).
 */
function deep(depth: i64): never {
  const r = spawnDeeper(depth + 1);
  if (r == -EAGAIN) exit(i32(depth));
  exit(isError(r) ? 255 : i32(r));
}

function checkTable(): void {
  const depth = spawnDeeper(1);
  // The shell, this process and `depth` deep ones fill the table.
  report('table', depth == 62, depth, 62);
  printf(`limits: process table full at depth ${depth}\n`);
}

/** Spawns `text` in the background; its pid. */
function background(text: string): i64 {
  return spawnBackground(changetype<usize>(text) + 8, usize(text.length));
}

function checkBackground(): void {
  const a = background('yielder 5');
  const b = background('yielder 3');
  const c = background('crash null');
  const t = background('true');
  for (let i: i32 = 0; i < 3; i++) schedYield();
  const sb = wait(b);
  const sc = wait(c);
  const st = wait(t);
  const sa = wait(a);
  const again = wait(a);
  const notMine = wait(1); // the shell
  const ok = a > 0 && b > 0 && c > 0 && t > 0 && sa == 0 && sb == 0 && st == 0 && sc == 256 + 14 && again == -ECHILD && notMine == -ECHILD;
  report('background', ok, sc, again);
  // Left to run or to die unwaited: freed when this process exits.
  background('true');
  background('yielder 2');
}

if (argIs(1, 'deep')) deep(argNumber(2, 0));
checkFds();
checkName();
checkLine();
checkTable();
checkBackground();
printf(`limits: done, ${failures} failed\n`);
exit(failures == 0 ? 0 : 1);
