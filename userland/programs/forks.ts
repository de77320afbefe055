// forks: fork, execve, wait4, signals and process groups, on tskc and on
// Linux alike. Prints "forks: NAME ok" per check, "forks: done, F failed",
// and exits with F:
//   cow      after fork, parent and child each see their own copy of a
//            global, a heap object and a stack variable, whichever writes;
//            so too when the kernel writes (a read into a global), in
//            the child or in the parent, while the other still maps the page
//   exec     execve runs argv[0]'s program (`/bin/NAME` on tskc, the path
//            on Linux) with the given argv, envp and an auxv holding
//            AT_PAGESZ (`forks child ARGS` checks and exits 0); a missing
//            path is ENOENT and a bad argv EFAULT, and the caller goes on
//   cycles   1,000 fork + exit + wait4 in a row, each status right, and
//            (on tskc) every frame and heap byte back afterwards
//   bomb     children that fork until fork fails (EAGAIN on tskc, where
//            the table holds 64; on Linux it stops at 100): the fork
//            fails cleanly, all of them are reaped, and memory comes back
//   handler  a handler for SIGUSR1 runs before kill() returns, and the
//            interrupted code's registers and float state survive it;
//            a blocked signal waits until unblocked; SA_RESETHAND
//   kill     kill of a sleeping child ends it with SIGTERM (WTERMSIG), a
//            read interrupted by a caught signal is EINTR and keeps every
//            register a system call keeps, SIGKILL cannot
//            be caught, kill of a missing pid is ESRCH and of a bad signal EINVAL
//   pipe     a child writing to a pipe with no reader dies of SIGPIPE;
//            with SIGPIPE ignored the write is EPIPE
//   fault    a child's null dereference reaches its SIGSEGV handler,
//            which exits 42; without a handler wait4 reports SIGSEGV
//   group    setpgid(0, 0) makes a new group, getpgid reads it, and
//            kill(-pgid) ends the group's leader (and not the caller)

import {
  EAGAIN, EFAULT, EINTR, EINVAL, ENOENT, EPIPE, ESRCH, SA_RESETHAND, SIG_DFL, SIG_IGN, SIGKILL, SIGPIPE, SIGSEGV, SIGTERM, SIGUSR1,
} from '../../kernel/syscall/numbers';
import { argAddr, argCount, argIs, auxValue, envAddr, envValue } from '../lib/args';
import { check, checksFor, freeFrames, groupsFailed, heapUsed, verdict, verdictIf } from '../lib/checks';
import { printf } from '../lib/print';
import { getpgid, kill, setpgid, sigaction, sigBit, sigBlock, sigHandler, sigUnblock } from '../lib/signals';
import { close, execve, exit, exitCode, exited, fork, getpid, isError, pipe2, read, sleepMs, termSignal, wait4, write } from '../lib/sys';
import { bytesEqual, cstrLength } from '../lib/text';

const status: usize = memory.data(8);
const fds: usize = memory.data(8);
const byte: usize = memory.data(8);
const shared = new Uint64Array(4);
checksFor('forks');

/** `forks child two words` after execve: 0 when argv, envp and auxv are what the exec check passed. */
function childChecks(): i32 {
  const path = envValue('PATH');
  const ok = argCount() == 3 && argIs(2, 'two words') && envAddr(2) == 0 && path != 0 && bytesEqual(path, cstrLength(path), '/bin') &&
    envValue('FORKS') != 0 && auxValue(6) == 4096;
  return ok ? 0 : 1;
}

if (argIs(1, 'child')) exit(childChecks());

/** Waits for `pid`; its status word, or -1 if wait4 did not return it. */
function statusOf(pid: i64): i32 {
  return wait4(pid, status, 0) == pid ? load<i32>(status) : -1;
}

function exitedWith(s: i32, code: i32): bool {
  return s >= 0 && exited(s) && exitCode(s) == code;
}

function killedBy(s: i32, sig: i64): bool {
  return s >= 0 && i64(termSignal(s)) == sig;
}

// ---- cow ----
{
  shared[0] = 1;
  const obj = new Uint64Array(1);
  obj[0] = 10;
  let onStack: i64 = 100;
  const pid = fork();
  if (pid == 0) {
    const sawOld = shared[0] == 1 && obj[0] == 10 && onStack == 100;
    shared[0] = 2;
    obj[0] = 20;
    onStack = 200;
    sleepMs(20); // let the parent write too
    exit(sawOld && shared[0] == 2 && obj[0] == 20 && onStack == 200 ? 0 : 1);
  }
  shared[0] = 3;
  obj[0] = 30;
  onStack = 300;
  const s = statusOf(pid);
  const ok = pid > 0 && exitedWith(s, 0) && shared[0] == 3 && obj[0] == 30 && onStack == 300;
  verdictIf('cow', ok && kernelWritesCopy());
}

/**
 * The kernel's writes into a copy-on-write page (a read's buffer) land in
 * the writer's copy alone: the child reads into `inbox` while the parent
 * maps the same frame, and the parent sees its own byte still; then the
 * parent reads into its copy, and the child sees its own byte still.
 */
function kernelWritesCopy(): bool {
  const inbox: usize = memory.data(8);
  const toChild: usize = memory.data(8);
  const back: usize = memory.data(8);
  const one: usize = memory.data(8);
  if (pipe2(toChild, 0) != 0 || pipe2(back, 0) != 0) return false;
  store<u8>(inbox, 65); // 'A'
  const pid = fork();
  if (pid == 0) {
    const got = read(i64(load<i32>(toChild)), inbox, 1) == 1 && load<u8>(inbox) == 66; // 'B', into the child's copy
    store<u8>(one, 0);
    write(i64(load<i32>(back + 4)), one, 1); // done
    const again = read(i64(load<i32>(toChild)), one, 1) == 1 && load<u8>(inbox) == 66; // after the parent's read into its copy
    exit(got && again ? 0 : 1);
  }
  store<u8>(byte, 66);
  write(i64(load<i32>(toChild + 4)), byte, 1);
  const childDone = read(i64(load<i32>(back)), one, 1) == 1;
  const untouched = load<u8>(inbox) == 65; // the child's read went to its copy
  store<u8>(byte, 67); // 'C', read back into the parent's inbox
  write(i64(load<i32>(back + 4)), byte, 1);
  const parentRead = read(i64(load<i32>(back)), inbox, 1) == 1 && load<u8>(inbox) == 67;
  write(i64(load<i32>(toChild + 4)), byte, 1); // the child looks again
  const s = statusOf(pid);
  close(i64(load<i32>(toChild)));
  close(i64(load<i32>(toChild + 4)));
  close(i64(load<i32>(back)));
  close(i64(load<i32>(back + 4)));
  return childDone && untouched && parentRead && exitedWith(s, 0);
}

// ---- exec ----
const path: usize = memory.data(256);
const argv: usize = memory.data(64);
const envp: usize = memory.data(32);

/**
 * read(fd, buf, 1) with every register a system call keeps (all but rax,
 * rcx and r11; rbp is the frame's) holding a pattern: the result, or 1 when
 * one came back changed (never a result here: the pipe stays empty). A
 * signal handler that interrupts the read runs between the call and its
 * return, so the registers must survive the frame built for it.
 */
function readKeepingRegisters(fd: i64, buf: usize): i64 {
  return asm<i64>(
    'push rdi', 'push rsi',
    'mov rbx, 0x1b1b1b1b', 'mov edx, 1', 'mov r8, 0x08080808', 'mov r9, 0x09090909', 'mov r10, 0x10101010',
    'mov r12, 0x12121212', 'mov r13, 0x13131313', 'mov r14, 0x14141414', 'mov r15, 0x15151515',
    'xor eax, eax', // read
    'syscall',
    'xor r11d, r11d',
    'cmp rbx, 0x1b1b1b1b', 'setne cl', 'or r11b, cl',
    'cmp rdx, 1', 'setne cl', 'or r11b, cl',
    'cmp rsi, [rsp]', 'setne cl', 'or r11b, cl',
    'cmp rdi, [rsp + 8]', 'setne cl', 'or r11b, cl',
    'cmp r8, 0x08080808', 'setne cl', 'or r11b, cl',
    'cmp r9, 0x09090909', 'setne cl', 'or r11b, cl',
    'cmp r10, 0x10101010', 'setne cl', 'or r11b, cl',
    'cmp r12, 0x12121212', 'setne cl', 'or r11b, cl',
    'cmp r13, 0x13131313', 'setne cl', 'or r11b, cl',
    'cmp r14, 0x14141414', 'setne cl', 'or r11b, cl',
    'cmp r15, 0x15151515', 'setne cl', 'or r11b, cl',
    'add rsp, 16',
    'mov ecx, 1',
    'test r11b, r11b',
    'cmovnz rax, rcx',
    asm.in('rdi', fd),
    asm.in('rsi', buf),
    asm.lateout('rax'),
    asm.clobber('rbx', 'rcx', 'rdx', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'),
  );
}

/** The path of this program: argv[0] if it is one (Linux), else /bin/argv[0] (tskc). */
function selfPath(): usize {
  const a0 = argAddr(0);
  const n = cstrLength(a0);
  let at: usize = 0;
  if (load<u8>(a0) != 47) { // '/'
    memcpy(path, changetype<usize>('/bin/') + 8, 5);
    at = 5;
  }
  memcpy(path + at, a0, n + 1);
  return path;
}

{
  store<usize>(argv, argAddr(0));
  store<usize>(argv + 8, changetype<usize>('child') + 8);
  store<usize>(argv + 16, changetype<usize>('two words') + 8);
  store<usize>(argv + 24, 0);
  store<usize>(envp, changetype<usize>('FORKS=1') + 8);
  store<usize>(envp + 8, changetype<usize>('PATH=/bin') + 8);
  store<usize>(envp + 16, 0);
  const self = selfPath();
  const pid = fork();
  if (pid == 0) {
    execve(self, argv, envp);
    exit(99);
  }
  check('exec child', i64(statusOf(pid)), 0);
  check('missing path', execve(changetype<usize>('/bin/no-such-program') + 8, argv, envp), -ENOENT);
  check('bad argv', execve(self, 16, envp), -EFAULT);
  verdict('exec');
}

// ---- cycles ----
{
  const frames = freeFrames();
  const heap = heapUsed();
  let bad: i32 = 0;
  for (let i: i32 = 0; i < 1000; i++) {
    const pid = fork();
    if (pid == 0) exit(i & 0x7f);
    if (pid < 0 || !exitedWith(statusOf(pid), i & 0x7f)) bad++;
  }
  check('cycles with a wrong status', i64(bad), 0);
  check('frames after 1,000 cycles', freeFrames(), frames);
  check('heap after 1,000 cycles', heapUsed(), heap);
  verdict('cycles');
}

// ---- bomb ----
{
  const frames = freeFrames();
  const heap = heapUsed();
  pipe2(fds, 0);
  const rd = i64(load<i32>(fds));
  const wr = i64(load<i32>(fds + 4));
  let made: i32 = 0;
  let failure: i64 = 0;
  while (made < 100) {
    const pid = fork();
    if (pid == 0) {
      close(wr);
      read(rd, byte, 1); // until the parent closes the write end
      exit(0);
    }
    if (pid < 0) {
      failure = pid;
      break;
    }
    made++;
  }
  close(rd);
  close(wr); // every child's read ends
  let reaped: i32 = 0;
  while (wait4(-1, status, 0) > 0) reaped++;
  check('fork failure', failure == 0 || failure == -EAGAIN ? 1 : 0, 1);
  check('children reaped', i64(reaped), i64(made));
  check('frames after the bomb', freeFrames(), frames);
  check('heap after the bomb', heapUsed(), heap);
  verdictIf('bomb', made > 10);
}

// ---- handler ----
let caught: i64 = 0;
function onSignal(sig: i32): void {
  caught += i64(sig);
}

{
  sigaction(SIGUSR1, changetype<u64>(onSignal), 0, 0);
  let x: f64 = 1.5;
  let k: i64 = 7;
  kill(getpid(), SIGUSR1);
  x = x * 2.0;
  k = k * 3;
  check('handler ran', caught, SIGUSR1);
  check('registers kept', k, 21);
  check('float state kept', x == 3.0 ? 1 : 0, 1);
  sigBlock(sigBit(SIGUSR1));
  kill(getpid(), SIGUSR1);
  check('blocked signal waits', caught, SIGUSR1);
  sigUnblock(sigBit(SIGUSR1));
  check('unblocked signal delivered', caught, 2 * SIGUSR1);
  sigaction(SIGUSR1, changetype<u64>(onSignal), u64(SA_RESETHAND), 0);
  kill(getpid(), SIGUSR1);
  check('reset handler', sigHandler(SIGUSR1), SIG_DFL);
  check('SIGKILL cannot be caught', sigaction(SIGKILL, changetype<u64>(onSignal), 0, 0), -EINVAL);
  verdict('handler');
}

// ---- kill ----
{
  pipe2(fds, 0);
  const rd = i64(load<i32>(fds));
  const wr = i64(load<i32>(fds + 4));
  const sleeper = fork();
  if (sleeper == 0) {
    read(rd, byte, 1);
    exit(0);
  }
  sleepMs(20);
  kill(sleeper, SIGTERM);
  check('SIGTERM ends a sleeping child', killedBy(statusOf(sleeper), SIGTERM) ? 1 : 0, 1);
  sigaction(SIGUSR1, changetype<u64>(onSignal), 0, 0); // before the fork: the child has it from its first instruction
  const changer = fork(); // the kernel shares the actions after fork until one side changes one: each side's change is its own
  if (changer == 0) {
    sigaction(SIGUSR1, u64(SIG_IGN), 0, 0);
    exit(sigHandler(SIGUSR1) == i64(SIG_IGN) ? 0 : 1);
  }
  check('a child changes its own actions', exitedWith(statusOf(changer), 0) ? 1 : 0, 1);
  check('and not its parent\'s', sigHandler(SIGUSR1) == i64(changetype<u64>(onSignal)) ? 1 : 0, 1);
  const reader = fork();
  if (reader == 0) {
    const r = readKeepingRegisters(rd, byte);
    exit(r == -EINTR ? 0 : 1);
  }
  let s: i32 = -1;
  for (let i: i32 = 0; i < 200 && s < 0; i++) { // until the read is under way: a signal before it only runs the handler
    sleepMs(10);
    kill(reader, SIGUSR1);
    if (wait4(reader, status, 1) == reader) s = load<i32>(status); // WNOHANG
  }
  check('a caught signal interrupts a read, and every register survives', exitedWith(s, 0) ? 1 : 0, 1);
  close(rd);
  close(wr);
  check('missing pid', kill(0x7fff_fff0, SIGTERM), -ESRCH);
  check('bad signal', kill(getpid(), 65), -EINVAL);
  check('probe', kill(getpid(), 0), 0);
  verdict('kill');
}

// ---- pipe ----
{
  pipe2(fds, 0);
  close(i64(load<i32>(fds)));
  const wr = i64(load<i32>(fds + 4));
  const pid = fork();
  if (pid == 0) {
    write(wr, byte, 1);
    exit(0);
  }
  check('SIGPIPE ends the writer', killedBy(statusOf(pid), SIGPIPE) ? 1 : 0, 1);
  sigaction(SIGPIPE, u64(SIG_IGN), 0, 0);
  check('EPIPE with SIGPIPE ignored', write(wr, byte, 1), -EPIPE);
  sigaction(SIGPIPE, u64(SIG_DFL), 0, 0);
  close(wr);
  verdict('pipe');
}

// ---- fault ----
function onSegv(sig: i32): void {
  exit(42);
}

{
  const handled = fork();
  if (handled == 0) {
    sigaction(SIGSEGV, changetype<u64>(onSegv), 0, 0);
    store<u64>(usize(isError(-1) ? 8 : 0), 1);
    exit(0);
  }
  const plain = fork();
  if (plain == 0) {
    store<u64>(usize(isError(-1) ? 8 : 0), 1);
    exit(0);
  }
  check('handler exit', exitedWith(statusOf(handled), 42) ? 1 : 0, 1);
  check('SIGSEGV status', killedBy(statusOf(plain), SIGSEGV) ? 1 : 0, 1);
  verdict('fault');
}

// ---- group ----
{
  const leader = fork();
  if (leader == 0) {
    setpgid(0, 0);
    const member = fork(); // in the leader's group
    if (member == 0) {
      sleepMs(100000);
      exit(0);
    }
    sleepMs(100000);
    exit(0);
  }
  setpgid(leader, leader); // as a shell does, so that kill(-leader) cannot race the child's own call
  sleepMs(20);
  check('getpgid', getpgid(leader), leader);
  check('own group unchanged', getpgid(0) == leader ? 1 : 0, 0);
  check('kill group', kill(-leader, SIGTERM), 0);
  check('leader ended', killedBy(statusOf(leader), SIGTERM) ? 1 : 0, 1);
  verdict('group');
}

printf(`forks: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
