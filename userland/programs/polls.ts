// polls: poll(2) over pipes and TCP sockets on 127.0.0.1, on tskc and on
// Linux alike. Prints "polls: NAME ok" per group, "polls: done, F failed",
// and exits with F:
//   pipe     an empty pipe: nothing ready at once (timeout 0), the write
//            end writable; a byte written: the read end POLLIN
//   hup      the write end closed: POLLHUP on the read end (POLLIN too
//            while bytes remain); the read end closed: POLLERR on the
//            write end; a closed fd POLLNVAL, a negative fd skipped
//   timeout  100 ms on an empty pipe returns 0 after at least 100 ms;
//            nfds 0 with a timeout just sleeps
//   wake     poll for ever on two pipes: a child writes to the second
//            after 50 ms and poll reports that one only
//   socket   a listener POLLIN once a client connected; the accepted end
//            writable, not readable; readable once the client sent; a
//            child's send wakes a poll for ever; after the client's
//            shutdown the end is readable (read gives 0) and, once shut
//            for writing too, POLLHUP (and POLLOUT: a send fails at once)
//   eintr    a signal (a child's kill) ends a poll for ever with EINTR, and
//            so a blocking accept and a read of a socket with no data
//   errors   nfds beyond the fd limit EINVAL, an unreadable array EFAULT
//   ppoll    ppoll(271): a {0, 0} timeout does not wait; the time left
//            written back (within the 5 s asked when ready at once, 0
//            after a timeout); a NULL timeout; a pending blocked signal
//            stays blocked under a mask that blocks it, and under an empty
//            mask interrupts at once (EINTR, its handler run) with the
//            caller's mask back afterwards; a bad sigsetsize, timespec or
//            pointer gives EINVAL or EFAULT

import {
  AF_INET, CLOCK_MONOTONIC, EFAULT, EINTR, EINVAL, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, SHUT_WR, SIGUSR1, SOCK_STREAM,
} from '../../kernel/syscall/numbers';
import { check, checksFor, groupsFailed, verdict } from '../lib/checks';
import { LOCALHOST, SockaddrIn, accept4, bind, connect, getsockname, listen, shutdown, socket } from '../lib/net';
import { printf } from '../lib/print';
import { kill, sigaction, sigBit, sigBlock, sigSetMask } from '../lib/signals';
import { Timespec, clockGettime, close, exit, fork, getpid, pipe2, poll, ppoll, read, sleepMs, wait4, write } from '../lib/sys';

const pfds: usize = memory.data(32); // four struct pollfd
const ends: usize = memory.data(16); // two pipes
const buf: usize = memory.data(64);
const sigset: usize = memory.data(8);
const addr = new SockaddrIn();
const now = new Timespec();
let signals: i64 = 0;
checksFor('polls');

function onUsr1(sig: i32): void {
  signals++;
}

/** Entry `i` asks about `fd` for `events`. */
function ask(i: usize, fd: i64, events: i32): void {
  store<i32>(pfds + 8 * i, i32(fd));
  store<i16>(pfds + 8 * i + 4, i16(events));
  store<i16>(pfds + 8 * i + 6, i16(0x5a5a)); // poll must overwrite it
}

function revents(i: usize): i64 {
  return i64(load<u16>(pfds + 8 * i + 6));
}

/** Checks entry `i`'s revents. */
function got(what: string, i: usize, mask: i32): void {
  check(what, revents(i), i64(mask));
}

function pipeFd(i: usize): i64 {
  return i64(load<i32>(ends + 4 * i));
}

function ms(): i64 {
  clockGettime(CLOCK_MONOTONIC, now);
  return now.sec * 1000 + now.nsec / 1_000_000;
}

/** Forks a child that sleeps `delay` ms, then writes a byte to `fd` (or, for fd -1, sends SIGUSR1 to us) and exits. */
function later(delay: i64, fd: i64): i64 {
  const parent = getpid();
  const pid = fork();
  if (pid != 0) return pid;
  sleepMs(delay);
  if (fd < 0) kill(parent, SIGUSR1);
  else {
    store<u8>(buf, 120);
    write(fd, buf, 1);
  }
  exit(0);
}

function reap(pid: i64): void {
  wait4(pid, 0, 0);
}

// ---- pipe, hup ----
{
  check('pipe2', pipe2(ends, 0), 0);
  ask(0, pipeFd(0), POLLIN);
  ask(1, pipeFd(1), POLLOUT);
  check('empty: ready', poll(pfds, 1, 0), 0);
  got('empty: revents', 0, 0);
  check('write end', poll(pfds + 8, 1, 0), 1);
  got('write end revents', 1, POLLOUT);
  store<u8>(buf, 97);
  write(pipeFd(1), buf, 1);
  check('both', poll(pfds, 2, 0), 2);
  got('data revents', 0, POLLIN);
  verdict('pipe');
  close(pipeFd(1));
  check('hup with data', poll(pfds, 1, 0), 1);
  got('hup with data revents', 0, POLLIN | POLLHUP);
  read(pipeFd(0), buf, 8);
  check('hup', poll(pfds, 1, -1), 1);
  got('hup revents', 0, POLLHUP);
  check('nval', poll(pfds + 8, 1, -1), 1); // the write end is closed now
  got('nval revents', 1, POLLNVAL);
  close(pipeFd(0));
  pipe2(ends, 0);
  close(pipeFd(0));
  ask(0, pipeFd(1), POLLOUT);
  ask(1, -1, POLLIN);
  check('err', poll(pfds, 2, 0), 1);
  got('err revents', 0, POLLOUT | POLLERR);
  got('negative fd revents', 1, 0);
  close(pipeFd(1));
  verdict('hup');
}

// ---- timeout ----
{
  pipe2(ends, 0);
  ask(0, pipeFd(0), POLLIN);
  const t0 = ms();
  check('timed out', poll(pfds, 1, 100), 0);
  const waited = ms() - t0;
  if (waited < 100 || waited > 3000) check('100 ms waited', waited, 100);
  const t1 = ms();
  check('nfds 0', poll(pfds, 0, 30), 0);
  if (ms() - t1 < 30) check('30 ms waited', ms() - t1, 30);
  verdict('timeout');
}

// ---- wake ----
{
  store<i32>(ends + 8, 0);
  pipe2(ends + 8, 0);
  ask(0, pipeFd(0), POLLIN);
  ask(1, pipeFd(2), POLLIN);
  const child = later(50, pipeFd(3));
  check('woken', poll(pfds, 2, -1), 1);
  got('first pipe', 0, 0);
  got('second pipe', 1, POLLIN);
  reap(child);
  for (let i: usize = 0; i < 4; i++) close(pipeFd(i));
  verdict('wake');
}

// ---- socket ----
{
  const l = socket(AF_INET, SOCK_STREAM, 0);
  check('bind', bind(l, addr.set(LOCALHOST, 0)), 0);
  check('listen', listen(l, 4), 0);
  getsockname(l, addr);
  ask(0, l, POLLIN);
  check('idle listener', poll(pfds, 1, 0), 0);
  const c = socket(AF_INET, SOCK_STREAM, 0);
  check('connect', connect(c, addr), 0);
  check('pending connection', poll(pfds, 1, 1000), 1);
  got('listener revents', 0, POLLIN);
  const s = accept4(l, null, 0);
  ask(0, s, POLLIN | POLLOUT);
  check('accepted', poll(pfds, 1, 0), 1);
  got('accepted revents', 0, POLLOUT);
  store<u8>(buf, 98);
  write(c, buf, 1);
  check('sent', poll(pfds, 1, 1000), 1);
  got('sent revents', 0, POLLIN | POLLOUT);
  read(s, buf, 8);
  ask(0, s, POLLIN);
  const child = later(50, c);
  check('woken by a send', poll(pfds, 1, -1), 1);
  got('woken revents', 0, POLLIN);
  reap(child);
  read(s, buf, 8);
  shutdown(c, SHUT_WR);
  check('fin', poll(pfds, 1, 1000), 1);
  got('fin revents', 0, POLLIN);
  check('fin read', read(s, buf, 8), 0);
  shutdown(s, SHUT_WR);
  ask(0, s, POLLIN | POLLOUT);
  check('both shut', poll(pfds, 1, 0), 1);
  got('both shut revents', 0, POLLIN | POLLOUT | POLLHUP);
  close(s);
  close(c);
  close(l);
  verdict('socket');
}

// ---- eintr ----
{
  sigaction(SIGUSR1, changetype<u64>(onUsr1), 0, 0);
  pipe2(ends, 0);
  ask(0, pipeFd(0), POLLIN);
  const child = later(50, -1);
  check('interrupted', poll(pfds, 1, -1), -EINTR);
  check('handler ran', signals, 1);
  reap(child);
  close(pipeFd(0));
  close(pipeFd(1));
  // A socket's own waits end the same way: accept with no connection, read with no data.
  const l = socket(AF_INET, SOCK_STREAM, 0);
  bind(l, addr.set(LOCALHOST, 0));
  listen(l, 4);
  getsockname(l, addr);
  const acceptKill = later(50, -1);
  check('accept interrupted', accept4(l, null, 0), -EINTR);
  reap(acceptKill);
  const c = socket(AF_INET, SOCK_STREAM, 0);
  connect(c, addr);
  const s = accept4(l, null, 0);
  const readKill = later(50, -1);
  check('read interrupted', read(s, buf, 8), -EINTR);
  reap(readKill);
  check('handlers ran', signals, 3);
  close(s);
  close(c);
  close(l);
  verdict('eintr');
}

// ---- errors ----
{
  check('nfds too many', poll(pfds, 0x7fff_ffff, 0), -EINVAL);
  check('bad array', poll(16, 1, 0), -EFAULT);
  check('bad array, nfds 0', poll(16, 0, 0), 0);
  verdict('errors');
}

// ---- ppoll ----
{
  const ts = new Timespec();
  const tsp = changetype<usize>(ts);
  pipe2(ends, 0);
  ask(0, pipeFd(0), POLLIN);
  ask(1, pipeFd(1), POLLOUT);
  check('{0, 0}: at once', ppoll(pfds, 1, tsp, 0, 0), 0);
  check('{0, 0}: left as it was', ts.sec + ts.nsec, 0);
  ts.sec = 5;
  check('ready at once', ppoll(pfds + 8, 1, tsp, 0, 0), 1);
  got('ready revents', 1, POLLOUT);
  const left = ts.sec * 1000 + ts.nsec / 1_000_000;
  if (left <= 4000 || left > 5000 || ts.nsec < 0 || ts.nsec >= 1_000_000_000) check('time left of 5 s', left, 5000);
  ts.sec = 0;
  ts.nsec = 50_000_000;
  const t0 = ms();
  check('timed out', ppoll(pfds, 1, tsp, 0, 0), 0);
  if (ms() - t0 < 50) check('50 ms waited', ms() - t0, 50);
  check('time left after the timeout', ts.sec * 1_000_000_000 + ts.nsec, 0);
  store<u8>(buf, 99);
  write(pipeFd(1), buf, 1);
  check('NULL timeout', ppoll(pfds, 1, 0, 0, 0), 1);
  got('NULL timeout revents', 0, POLLIN);
  read(pipeFd(0), buf, 8);
  // SIGUSR1 (handled by onUsr1) blocked and pending: a mask that blocks it keeps it pending; an empty one lets it in at once.
  signals = 0;
  sigBlock(sigBit(SIGUSR1));
  kill(getpid(), SIGUSR1);
  store<u64>(sigset, sigBit(SIGUSR1));
  ts.nsec = 20_000_000;
  check('blocked by the mask', ppoll(pfds, 1, tsp, sigset, 8), 0);
  check('still pending', signals, 0);
  store<u64>(sigset, 0);
  check('let in by the mask', ppoll(pfds, 1, 0, sigset, 8), -EINTR);
  check('handler ran', signals, 1);
  check('the caller\'s mask back', sigSetMask(0), i64(sigBit(SIGUSR1)));
  check('sigsetsize 4', ppoll(pfds, 1, 0, sigset, 4), -EINVAL);
  ts.nsec = 1_000_000_000;
  check('nsec of a whole second', ppoll(pfds, 1, tsp, 0, 0), -EINVAL);
  ts.sec = -1;
  ts.nsec = 0;
  check('negative seconds', ppoll(pfds, 1, tsp, 0, 0), -EINVAL);
  check('unreadable timespec', ppoll(pfds, 1, 16, 0, 0), -EFAULT);
  check('unreadable mask', ppoll(pfds, 1, 0, 16, 8), -EFAULT);
  close(pipeFd(0));
  close(pipeFd(1));
  verdict('ppoll');
}

printf(`polls: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
