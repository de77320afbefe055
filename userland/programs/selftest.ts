// selftest: the system calls a process lives on, each checked and reported
// as one line "selftest: NAME ok" (or "selftest: NAME FAILED: why"), then
// "selftest: done, N failed" and exit status N. Runs on the tskc kernel and
// on Linux alike:
//
//   getpid     twice the same positive pid
//   zero       read(/dev/zero) fills a dirty buffer with zeroes
//   null       write(/dev/null) takes everything, read gives end of file
//   mmap       a fresh mapping reads as zeroes, keeps what is written,
//              and munmap gives it back
//   registers  sched_yield preserves every register but rax, rcx and r11
//   badptr     write from an unmapped address is EFAULT, a bad fd EBADF
//   errors     unknown numbers (600, -1, -16) are ENOSYS; open of a
//              missing path ENOENT, of an unmapped path EFAULT
//   stack      deep recursion (about 200 KiB of stack) returns the right
//              sum, and read() into stack memory 16 KiB below rsp, never
//              touched before, works (tskc maps stack pages on first touch)
//   time       nanosleep of 50 ms advances CLOCK_MONOTONIC by at least 50 ms;
//              CLOCK_REALTIME is after 2024; clock_getres gives a
//              resolution (10 ms on tskc); times counts; an unknown clock
//              is EINVAL, a bad timespec EFAULT, an unnormalised one EINVAL

import {
  CLOCK_MONOTONIC, CLOCK_REALTIME, EBADF, EFAULT, EINVAL, ENOENT, ENOSYS, O_RDONLY, O_WRONLY, SYS_CLOCK_GETRES, SYS_CLOCK_GETTIME, SYS_NANOSLEEP, SYS_OPEN,
} from '../../kernel/syscall/numbers';
import { printf } from '../lib/print';
import { clockGettime, close, exit, getpid, isError, mmapAnon, munmap, nanosleep, open, read, times, Timespec, Tms, write } from '../lib/sys';

const buffer: usize = memory.data(256);
let failures: i32 = 0;

function report(name: string, ok: bool, why: string): void {
  if (ok) printf(`selftest: ${name} ok\n`);
  else {
    printf(`selftest: ${name} FAILED: ${why}\n`);
    failures++;
  }
}

function checkGetpid(): void {
  const a = getpid();
  const b = getpid();
  report('getpid', a > 0 && a == b, 'not one positive pid');
}

function checkZero(): void {
  memset(buffer, 0x5a, 256);
  const fd = open('/dev/zero', O_RDONLY);
  if (isError(fd)) return report('zero', false, 'cannot open /dev/zero');
  const n = read(fd, buffer, 256);
  close(fd);
  let zeroes = true;
  for (let i: usize = 0; i < 256; i++) if (load<u8>(buffer + i) != 0) zeroes = false;
  report('zero', n == 256 && zeroes, 'the buffer is not all zero');
}

function checkNull(): void {
  const fd = open('/dev/null', O_WRONLY);
  if (isError(fd)) return report('null', false, 'cannot open /dev/null');
  const w = write(fd, buffer, 100);
  close(fd);
  const rfd = open('/dev/null', O_RDONLY);
  const r = read(rfd, buffer, 100);
  close(rfd);
  report('null', w == 100 && r == 0, 'write did not take 100 bytes or read did not end');
}

function checkMmap(): void {
  const len: usize = 3 * 4096;
  const p = mmapAnon(len);
  if (isError(p)) return report('mmap', false, 'mmap failed');
  const a = usize(p);
  let zero = true;
  for (let i: usize = 0; i < len; i += 8) if (load<u64>(a + i) != 0) zero = false;
  for (let i: usize = 0; i < len; i += 8) store<u64>(a + i, u64(i) * 3 + 1);
  let kept = true;
  for (let i: usize = 0; i < len; i += 8) if (load<u64>(a + i) != u64(i) * 3 + 1) kept = false;
  const u = munmap(a, len);
  report('mmap', zero && kept && u == 0, 'not zeroed, not kept, or munmap failed');
}

/** Fills every register a syscall must preserve, yields, and returns a bit per register that changed. */
function yieldChanges(): u64 {
  return asm<u64>(
    'mov rbx, 0x1b1b1b1b', 'mov rdx, 0x1d1d1d1d', 'mov rsi, 0x1e1e1e1e', 'mov rdi, 0x1f1f1f1f',
    'mov r8, 0x08080808', 'mov r9, 0x09090909', 'mov r10, 0x10101010',
    'mov r12, 0x12121212', 'mov r13, 0x13131313', 'mov r14, 0x14141414', 'mov r15, 0x15151515',
    'mov eax, 24', // sched_yield
    'syscall',
    'xor eax, eax',
    'cmp rbx, 0x1b1b1b1b', 'setne cl', 'or al, cl',
    'cmp rdx, 0x1d1d1d1d', 'setne cl', 'shl cl, 1', 'or al, cl',
    'cmp rsi, 0x1e1e1e1e', 'setne cl', 'shl cl, 2', 'or al, cl',
    'cmp rdi, 0x1f1f1f1f', 'setne cl', 'shl cl, 3', 'or al, cl',
    'cmp r8, 0x08080808', 'setne cl', 'shl cl, 4', 'or al, cl',
    'cmp r9, 0x09090909', 'setne cl', 'shl cl, 5', 'or al, cl',
    'cmp r10, 0x10101010', 'setne cl', 'shl cl, 6', 'or al, cl',
    'cmp r12, 0x12121212', 'setne cl', 'shl cl, 7', 'or al, cl',
    'cmp r13, 0x13131313', 'setne cl', 'or ah, cl',
    'cmp r14, 0x14141414', 'setne cl', 'shl cl, 1', 'or ah, cl',
    'cmp r15, 0x15151515', 'setne cl', 'shl cl, 2', 'or ah, cl',
    asm.lateout('rax'),
    asm.clobber('rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'),
  );
}

function checkRegisters(): void {
  const changed = yieldChanges();
  report('registers', changed == 0, 'a register changed across sched_yield');
}

function checkBadPointers(): void {
  const w = write(1, 0x10, 4); // the null page: never mapped
  const b = write(1000, buffer, 4);
  report('badptr', w == -EFAULT && b == -EBADF, 'no EFAULT or no EBADF');
}

/** 1 + 2 + … + n by recursion: each level is one stack frame. */
function sumTo(n: u64): u64 {
  return n == 0 ? 0 : n + sumTo(n - 1);
}

function checkStack(): void {
  const deep = sumTo(8000) == 8000 * 8001 / 2;
  const rsp = asm<u64>('mov {result}, rsp', asm.out('reg'));
  const below = usize((rsp - 16384) & ~u64(15));
  const fd = open('/dev/zero', O_RDONLY);
  const n = read(fd, below, 64);
  close(fd);
  report('stack', deep && n == 64, deep ? 'read() into untouched stack memory failed' : 'deep recursion gave a wrong sum');
}

function checkErrors(): void {
  // -16 is 2^64-16 to the kernel (unsigned: above the table) and negative in the low 32 bits Linux reads.
  const nosys = syscall(600) == -ENOSYS && syscall(-1) == -ENOSYS && syscall(-16) == -ENOSYS;
  const missing = open('/nonexistent/selftest', O_RDONLY) == -ENOENT;
  const fault = syscall(SYS_OPEN, 0x10, O_RDONLY, 0) == -EFAULT;
  report('errors', nosys && missing && fault, 'an unknown number, a missing path or a bad path pointer got the wrong answer');
}

function nanoseconds(t: Timespec): i64 {
  return t.sec * 1_000_000_000 + t.nsec;
}

function checkTime(): void {
  const before = new Timespec();
  const after = new Timespec();
  const wall = new Timespec();
  const nap = new Timespec();
  nap.nsec = 50_000_000;
  const slept = clockGettime(CLOCK_MONOTONIC, before) == 0 && nanosleep(nap) == 0 && clockGettime(CLOCK_MONOTONIC, after) == 0;
  const long = nanoseconds(after) - nanoseconds(before) >= 50_000_000;
  const real = clockGettime(CLOCK_REALTIME, wall) == 0 && wall.sec > 1_704_067_200; // 2024-01-01
  const res = syscall(SYS_CLOCK_GETRES, CLOCK_MONOTONIC, changetype<usize>(nap)) == 0 && nap.sec == 0 && nap.nsec > 0 &&
    syscall(SYS_CLOCK_GETRES, CLOCK_REALTIME, 0) == 0 && syscall(SYS_CLOCK_GETRES, 99, 0) == -EINVAL;
  const cpu = new Tms();
  const ticking = times(cpu) > 0 && cpu.utime >= 0;
  nap.nsec = 1_000_000_000;
  const errors = clockGettime(99, wall) == -EINVAL && syscall(SYS_CLOCK_GETTIME, CLOCK_MONOTONIC, 0x10) == -EFAULT &&
    nanosleep(nap) == -EINVAL && syscall(SYS_NANOSLEEP, 0x10, 0) == -EFAULT;
  report('time', slept && long && real && res && ticking && errors,
    !slept || !long ? 'a 50 ms nanosleep did not pass 50 ms of CLOCK_MONOTONIC' : !real ? 'CLOCK_REALTIME is before 2024' : !res ? 'clock_getres gave no resolution' : !ticking ? 'times failed' : 'a bad clock or timespec got the wrong answer');
}

checkGetpid();
checkZero();
checkNull();
checkMmap();
checkRegisters();
checkBadPointers();
checkStack();
checkErrors();
checkTime();
printf(`selftest: done, ${failures} failed\n`);
exit(failures);
