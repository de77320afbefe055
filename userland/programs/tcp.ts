// tcp: TCP over 127.0.0.1 inside one process, on tskc and on Linux alike.
// Prints "tcp: NAME ok" per group, "tcp: done, F failed", and exits with F:
//   connect   a listener on an ephemeral port; connect completes the
//             handshake before accept (the backlog holds it); accept4
//             gives the client's address, getpeername and getsockname
//             agree on both ends
//   data      chunks of many sizes both ways, every byte checked in order
//   fin       shutdown(SHUT_WR) on one end: the other reads the data,
//             then 0, and can still send back; close then gives 0 there;
//             a send on the shut side is EPIPE, with SIGPIPE unless
//             MSG_NOSIGNAL (write too)
//   refused   connect to a port nobody listens on: ECONNREFUSED
//   reset     closing with unread data resets: the peer's read gets
//             ECONNRESET
//   reuse     a port left in TIME_WAIT cannot be bound again, but can with
//             SO_REUSEADDR on both sockets
//   timewait  100 connections one after another, each closed first by the
//             accepted end, so each leaves a block in TIME_WAIT: every
//             socket and connect still succeeds (tskc's 64 blocks are
//             full of TIME_WAIT after about 60; the oldest is taken back)
//   errors    EAGAIN from a non-blocking accept and a MSG_DONTWAIT read,
//             EINVAL from accept on a socket that does not listen,
//             ENOTCONN from reading an unconnected socket and from
//             getpeername, EPIPE from sending on one, EOPNOTSUPP from
//             listen on a datagram socket
// `tcp bulk BYTES` moves BYTES through one connection in chunks of up to
// 8 KiB, each read back and checked, and prints "tcp: bulk BYTES ok"
// (the loss test runs it with segments dropped, duplicated and reordered).

import {
  AF_INET, EAGAIN, ECONNREFUSED, ECONNRESET, EINVAL, ENOTCONN, EOPNOTSUPP, EPIPE, MSG_DONTWAIT, MSG_NOSIGNAL, SHUT_WR, SO_REUSEADDR,
  SOCK_DGRAM, SOCK_NONBLOCK, SOCK_STREAM, SOL_SOCKET, EADDRINUSE, SIG_DFL, SIGPIPE,
} from '../../kernel/syscall/numbers';
import { sigaction } from '../lib/signals';
import { argIs, argNumber } from '../lib/args';
import { check, checksFor, groupsFailed, verdict } from '../lib/checks';
import {
  LOCALHOST, SockaddrIn, accept4, bind, connect, getpeername, getsockname, listen, recvfrom, sendto, setsockoptInt, shutdown, socket,
} from '../lib/net';
import { printf } from '../lib/print';
import { close, exit, read, write } from '../lib/sys';

const out: usize = memory.data(16384);
let pipeSignals: i64 = 0;
function onPipe(sig: i32): void {
  pipeSignals++;
}
const into: usize = memory.data(16384);
const addr = new SockaddrIn();
const peer = new SockaddrIn();
const name = new SockaddrIn();
checksFor('tcp');

/** A listener on 127.0.0.1 at an ephemeral port (its address in `addr`). */
function listener(reuse: bool): i64 {
  const l = socket(AF_INET, SOCK_STREAM, 0);
  if (reuse) setsockoptInt(l, SOL_SOCKET, SO_REUSEADDR, 1);
  check('bind', bind(l, addr.set(LOCALHOST, 0)), 0);
  check('listen', listen(l, 8), 0);
  getsockname(l, addr);
  return l;
}

/** The three ends of a connection made by connected(): the listener, the client and the accepted server end. */
let lfd: i64 = -1;
let cfd: i64 = -1;
let sfd: i64 = -1;

/** A listener, a client connected to it, and the connection accepted (in lfd, cfd, sfd). */
function connected(reuse: bool): void {
  lfd = listener(reuse);
  cfd = socket(AF_INET, SOCK_STREAM, 0);
  check('connect', connect(cfd, addr), 0);
  sfd = accept4(lfd, null, 0);
  check('accept4', sfd >= 0 ? 1 : sfd, 1);
}

function closeAll(): void {
  close(sfd);
  close(cfd);
  close(lfd);
}

/** Fills `n` bytes at `p` with the pattern of stream offset `at`. */
function pattern(p: usize, at: u64, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<u8>(p + i, u8(((at + u64(i)) * 7 + 3) % 251));
}

/** Reads exactly `n` bytes; the count read, or an error. */
function readFully(fd: i64, p: usize, n: usize): i64 {
  let got: usize = 0;
  while (got < n) {
    const r = read(fd, p + got, n - got);
    if (r <= 0) return r < 0 ? r : i64(got);
    got += usize(r);
  }
  return i64(got);
}

/** Sends `n` pattern bytes from stream offset `at` on `from` and reads them on `to`; whether all arrived intact. */
function moveChunk(from: i64, to: i64, at: u64, n: usize): bool {
  pattern(out, at, n);
  if (write(from, out, n) != i64(n)) return false;
  if (readFully(to, into, n) != i64(n)) return false;
  return memcmp(out, into, n) == 0;
}

function checkConnect(): void {
  const l = listener(false);
  const c = socket(AF_INET, SOCK_STREAM, 0);
  check('connect', connect(c, addr), 0);
  const s = accept4(l, peer, 0);
  check('accept4', s >= 0 ? 1 : s, 1);
  check('getsockname', getsockname(c, name), 0);
  check('peer is the client', i64(peer.port()), i64(name.port()));
  check('peer address', i64(peer.addr()), i64(LOCALHOST));
  check('getpeername', getpeername(c, name), 0);
  check('client peer is the listener port', i64(name.port()), i64(addr.port()));
  check('getsockname of accepted', getsockname(s, name), 0);
  check('accepted local port', i64(name.port()), i64(addr.port()));
  close(s);
  close(c);
  close(l);
  verdict('connect');
}

function checkData(): void {
  connected(false);
  const c = cfd;
  const s = sfd;
  let at: u64 = 0;
  let bad: i64 = 0;
  const sizes: usize[] = [1, 2, 100, 1459, 1460, 1461, 4096, 8192, 3000, 16384, 7, 12000];
  for (let i: i32 = 0; i < sizes.length; i++) {
    if (!moveChunk(c, s, at, sizes[i])) bad++;
    if (!moveChunk(s, c, at, sizes[i])) bad++;
    at += u64(sizes[i]);
  }
  check('chunks that arrived wrong', bad, 0);
  closeAll();
  verdict('data');
}

function checkFin(): void {
  connected(false);
  const c = cfd;
  const s = sfd;
  pattern(out, 0, 1000);
  check('write', write(c, out, 1000), 1000);
  check('shutdown', shutdown(c, SHUT_WR), 0);
  check('data before the FIN', readFully(s, into, 1000), 1000);
  check('then end of stream', read(s, into, 100), 0);
  check('and again', read(s, into, 100), 0);
  check('send on a shut side', sendto(c, out, 1, MSG_NOSIGNAL, null), -EPIPE);
  sigaction(SIGPIPE, changetype<u64>(onPipe), 0, 0);
  check('without MSG_NOSIGNAL: EPIPE', sendto(c, out, 1, 0, null), -EPIPE);
  check('and SIGPIPE', pipeSignals, 1);
  check('write: EPIPE', write(c, out, 1), -EPIPE);
  check('and SIGPIPE again', pipeSignals, 2);
  sigaction(SIGPIPE, u64(SIG_DFL), 0, 0);
  check('the other way still works', write(s, out, 500), 500);
  check('read it', readFully(c, into, 500), 500);
  close(s);
  check('end of stream after close', read(c, into, 100), 0);
  close(c);
  close(lfd);
  verdict('fin');
}

function checkRefused(): void {
  const t = socket(AF_INET, SOCK_STREAM, 0);
  bind(t, addr.set(LOCALHOST, 0));
  getsockname(t, addr); // a port that is bound, but nobody listens on it
  const c = socket(AF_INET, SOCK_STREAM, 0);
  check('connect', connect(c, addr), -ECONNREFUSED);
  close(c);
  close(t);
  verdict('refused');
}

function checkReset(): void {
  connected(false);
  const c = cfd;
  const s = sfd;
  check('write', write(c, out, 10), 10);
  readFully(s, into, 5); // five bytes left unread
  close(s);
  check('read after the reset', read(c, into, 10), -ECONNRESET);
  close(c);
  close(lfd);
  verdict('reset');
}

function checkReuse(): void {
  connected(true);
  const c = cfd;
  const s = sfd;
  close(s); // the server closes first: its end waits in TIME_WAIT on the listener's port
  check('end of stream', read(c, into, 10), 0);
  close(c);
  close(lfd);
  const again = socket(AF_INET, SOCK_STREAM, 0);
  check('bind without SO_REUSEADDR', bind(again, addr), -EADDRINUSE);
  close(again);
  const reused = socket(AF_INET, SOCK_STREAM, 0);
  setsockoptInt(reused, SOL_SOCKET, SO_REUSEADDR, 1);
  check('bind with SO_REUSEADDR', bind(reused, addr), 0);
  check('listen again', listen(reused, 4), 0);
  close(reused);
  verdict('reuse');
}

function checkTimeWait(): void {
  const l = listener(false);
  let failed: i64 = 0;
  for (let i: i32 = 0; i < 100 && failed == 0; i++) {
    const c = socket(AF_INET, SOCK_STREAM, 0);
    if (c < 0 || connect(c, addr) != 0) failed = i64(i) + 1;
    const s = accept4(l, null, 0);
    close(s); // the accepted end closes first: its block goes to TIME_WAIT
    if (c >= 0 && read(c, into, 10) != 0) failed = i64(i) + 1;
    close(c);
  }
  check('connections before one failed (0: none did)', failed, 0);
  close(l);
  verdict('timewait');
}

function checkErrors(): void {
  const l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  bind(l, addr.set(LOCALHOST, 0));
  check('accept before listen', accept4(l, null, 0), -EINVAL);
  listen(l, 4);
  getsockname(l, addr);
  check('non-blocking accept', accept4(l, null, 0), -EAGAIN);
  const u = socket(AF_INET, SOCK_STREAM, 0);
  check('read unconnected', read(u, into, 10), -ENOTCONN);
  check('getpeername unconnected', getpeername(u, name), -ENOTCONN);
  check('send unconnected', sendto(u, out, 10, MSG_NOSIGNAL, null), -EPIPE);
  check('connect', connect(u, addr), 0);
  const s = accept4(l, null, 0);
  check('MSG_DONTWAIT read', recvfrom(s, into, 10, MSG_DONTWAIT, null), -EAGAIN);
  const d = socket(AF_INET, SOCK_DGRAM, 0);
  check('listen on UDP', listen(d, 4), -EOPNOTSUPP);
  close(d);
  close(s);
  close(u);
  close(l);
  verdict('errors');
}

function bulk(total: i64): void {
  connected(false);
  const c = cfd;
  const s = sfd;
  let at: u64 = 0;
  let bad: i64 = 0;
  let size: usize = 1;
  while (at < u64(total)) {
    let n = size;
    if (u64(n) > u64(total) - at) n = usize(u64(total) - at);
    if (!moveChunk(c, s, at, n)) bad++;
    at += u64(n);
    size = size * 3 + 1;
    if (size > 8192) size = size % 8192 + 1;
  }
  close(c);
  check('end of stream', read(s, into, 10), 0);
  close(s);
  close(lfd);
  if (bad == 0) printf(`tcp: bulk ${total} ok\n`);
  else printf(`tcp: bulk ${total} FAILED (${bad} chunks wrong)\n`);
  exit(bad == 0 ? 0 : 1);
}

if (argIs(1, 'bulk')) bulk(argNumber(2, 1 << 20));
checkConnect();
checkData();
checkFin();
checkRefused();
checkReset();
checkReuse();
checkTimeWait();
checkErrors();
printf(`tcp: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
