// waiter: checks wait4 and getppid with children of every kind of ending,
// started in the background (spawn without waiting; tskc only):
//   exit     `true` exits 0, `sleep x` exits 1: WIFEXITED, WEXITSTATUS;
//   signal   `crash null` and `crash ud2` and `crash div0` are killed by
//            their faults: WIFSIGNALED with SIGSEGV, SIGILL, SIGFPE;
//   nohang   WNOHANG returns 0 while a child (`sleep 0.3`) still runs,
//            then wait4 for its pid blocks until it has exited;
//   any      wait4(-1) takes every child once, then -ECHILD; a bad option
//            is -EINVAL, a bad status pointer -EFAULT (the child stays);
//   ppid     a child's getppid is this process (`ppid` prints it).
// `waiter ppid` only prints its parent's pid. Prints its pid, then
// "waiter: NAME ok" per check and "waiter: done, F failed"; exits with F.

import { ECHILD, EFAULT, EINVAL, SIGFPE, SIGILL, SIGSEGV, WNOHANG } from '../../kernel/syscall/numbers';
import { argIs } from '../lib/args';
import { checksFor, groupsFailed, verdictIf } from '../lib/checks';
import { printf } from '../lib/print';
import { exit, exitCode, exited, getpid, getppid, isError, spawnBackground, termSignal, wait4 } from '../lib/sys';

const status: usize = memory.data(8);
checksFor('waiter');

/** Starts the command line `cmd` in the background; its pid (a failure is printed, gives -1 and fails the group's check). */
function start(cmd: string): i64 {
  const pid = spawnBackground(changetype<usize>(cmd) + 8, usize(cmd.length));
  if (isError(pid)) {
    printf(`waiter: cannot start ${cmd}: ${pid}\n`);
    return -1;
  }
  return pid;
}

/** Waits for `pid` and returns its status word (-1 if wait4 did not return that pid). */
function statusOf(pid: i64): i32 {
  return wait4(pid, status, 0) == pid ? load<i32>(status) : -1;
}

if (argIs(1, 'ppid')) {
  printf(`waiter: my parent is ${getppid()}\n`);
  exit(0);
}

printf(`waiter: pid ${getpid()}\n`);
const ok = statusOf(start('true'));
const one = statusOf(start('sleep x'));
verdictIf('exit', exited(ok) && exitCode(ok) == 0 && exited(one) && exitCode(one) == 1 && termSignal(one) == 0);

const segv = statusOf(start('crash null'));
const ill = statusOf(start('crash ud2'));
const fpe = statusOf(start('crash div0'));
verdictIf('signal', i64(termSignal(segv)) == SIGSEGV && i64(termSignal(ill)) == SIGILL && i64(termSignal(fpe)) == SIGFPE && !exited(segv));

const sleeper = start('sleep 0.3');
const early = wait4(-1, status, WNOHANG);
const late = wait4(sleeper, status, 0);
verdictIf('nohang', early == 0 && late == sleeper && exited(load<i32>(status)));

const a = start('true');
const b = start('true');
const badOption = wait4(-1, status, 0x40000);
const badPointer = wait4(a, 0x10, 0);
const first = wait4(-1, status, 0);
const second = wait4(-1, status, 0);
const none = wait4(-1, status, 0);
verdictIf('any', badOption == -EINVAL && badPointer == -EFAULT && first != second && (first == a || first == b) &&
  (second == a || second == b) && none == -ECHILD && wait4(a, status, WNOHANG) == -ECHILD);

const child = start('waiter ppid');
verdictIf('ppid', statusOf(child) == 0 && getppid() >= 0 && getpid() > 0);
printf(`waiter: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
