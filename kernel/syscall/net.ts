// The socket calls: socket, bind, listen, accept4, connect, sendto,
// recvfrom, shutdown, setsockopt, getsockopt, getsockname and getpeername,
// with Linux's numbers, flags and errors. Each finds the Socket behind its
// fd (kernel/net/socket.ts; -EBADF for no fd, -ENOTSOCK for another
// device), reads and writes struct sockaddr_in through the user-copy
// functions, and leaves the protocol's work to the socket. docs/network.md.
import { fdInstall, fdLowestFree } from '../fs/fdtable';
import { copyFromUser, copyToUser } from '../mm/usercopy';
import { currentProcess } from '../proc/sched';
import { netFlush } from '../net/loopback';
import { sendSignalled, SockAddr, Socket, socketAdd } from '../net/socket';
import { newStreamSocket } from '../net/tcpsocket';
import { UdpSocket } from '../net/udpsocket';
import { udpOpen } from '../net/udp';
import { getBe16, getBe32, putBe16, putBe32 } from '../net/bytes';
import { deviceOf } from './files';
import {
  AF_INET, EAFNOSUPPORT, EBADF, EDOM, EFAULT, EINVAL, EMFILE, ENFILE, ENOPROTOOPT, ENOTSOCK, EPROTONOSUPPORT, ESOCKTNOSUPPORT, IPPROTO_ICMP, IPPROTO_TCP,
  IPPROTO_UDP, O_RDWR, SO_ERROR, SO_RCVTIMEO, SO_REUSEADDR, SO_TYPE, SOCK_CLOEXEC, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_STREAM, SOCKADDR_IN_SIZE,
  SOL_SOCKET,
} from './numbers';

const raw = new Uint8Array(16); // a sockaddr_in or a timeval on its way in or out
const addrIn = new SockAddr();
const addrOut = new SockAddr();

function rawAt(): usize {
  return changetype<usize>(raw) + 8;
}

/** The socket behind `fd`, or null; `sockErr` says why (EBADF or ENOTSOCK). */
let sockErr: i64 = 0;
function socketOf(fd: i64): Socket | null {
  const d = deviceOf(fd);
  if (d === null) { sockErr = -EBADF; return null; }
  if (!(d instanceof Socket)) { sockErr = -ENOTSOCK; return null; }
  return d;
}

/** Reads a sockaddr_in of `len` bytes at `user` into addrIn: 0, -EINVAL, -EFAULT or -EAFNOSUPPORT. */
function readAddr(user: u64, len: u64): i64 {
  if (len < u64(SOCKADDR_IN_SIZE) || len > 128) return -EINVAL;
  const r = copyFromUser(rawAt(), user, u64(SOCKADDR_IN_SIZE));
  if (r < 0) return r;
  if (i64(load<u16>(rawAt())) != AF_INET) return -EAFNOSUPPORT;
  addrIn.port = getBe16(rawAt() + 2);
  addrIn.addr = getBe32(rawAt() + 4);
  return 0;
}

/** Writes `a` as a sockaddr_in to `user`, cut to the u32 length at `lenPtr`, whose value becomes 16. Null `user`: nothing. */
function writeAddr(a: SockAddr, user: u64, lenPtr: u64): i64 {
  if (user == 0) return 0;
  let r = copyFromUser(rawAt(), lenPtr, 4);
  if (r < 0) return r;
  const room = i64(load<i32>(rawAt()));
  if (room < 0) return -EINVAL;
  memset(rawAt(), 0, 16);
  store<u16>(rawAt(), u16(AF_INET));
  putBe16(rawAt() + 2, a.port);
  putBe32(rawAt() + 4, a.addr);
  r = copyToUser(user, rawAt(), u64(room < SOCKADDR_IN_SIZE ? room : SOCKADDR_IN_SIZE));
  if (r < 0) return r;
  store<u32>(rawAt(), u32(SOCKADDR_IN_SIZE));
  return copyToUser(lenPtr, rawAt(), 4);
}

/** Puts `s` in the lowest free fd, read-write, close-on-exec as asked; frees it when none is free. */
function install(s: Socket, cloexec: bool): i64 {
  const p = currentProcess();
  const fd = fdLowestFree(p, 0);
  if (fd < 0 || !socketAdd(s)) {
    s.finish();
    return fd < 0 ? -EMFILE : -ENFILE;
  }
  fdInstall(p, fd, s, u8(O_RDWR), cloexec);
  return i64(fd);
}

function doSocket(domain: u64, type: u64, proto: u64): i64 {
  if (i64(domain) != AF_INET) return -EAFNOSUPPORT;
  const kind = i64(type & ~u64(SOCK_NONBLOCK | SOCK_CLOEXEC));
  if (((type & ~u64(0xf)) & ~u64(SOCK_NONBLOCK | SOCK_CLOEXEC)) != 0) return -EINVAL;
  let s: Socket | null = null;
  if (kind == SOCK_DGRAM) {
    if (proto != 0 && i64(proto) != IPPROTO_UDP && i64(proto) != IPPROTO_ICMP) return -EPROTONOSUPPORT;
    const u = udpOpen();
    if (u !== null) {
      u.icmp = i64(proto) == IPPROTO_ICMP; // a ping socket (kernel/net/udpsocket.ts)
      s = new UdpSocket(u);
    }
  } else if (kind == SOCK_STREAM) {
    if (proto != 0 && i64(proto) != IPPROTO_TCP) return -EPROTONOSUPPORT;
    s = newStreamSocket();
  } else return kind >= 11 ? -EINVAL : -ESOCKTNOSUPPORT; // SOCK_MAX is 11 on Linux
  if (s === null) return -ENFILE;
  s.nonblock = (type & u64(SOCK_NONBLOCK)) != 0;
  return install(s, (type & u64(SOCK_CLOEXEC)) != 0);
}

function doBind(fd: i64, addr: u64, len: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  const r = readAddr(addr, len);
  return r < 0 ? r : s.bind(addrIn);
}

function doConnect(fd: i64, addr: u64, len: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  const r = readAddr(addr, len);
  return r < 0 ? r : s.connect(addrIn);
}

function doListen(fd: i64, backlog: i64): i64 {
  const s = socketOf(fd);
  return s === null ? sockErr : s.listen(backlog);
}

function doAccept4(fd: i64, addr: u64, lenPtr: u64, flags: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  if ((flags & ~u64(SOCK_NONBLOCK | SOCK_CLOEXEC)) != 0) return -EINVAL;
  if (addr != 0) {
    const r = copyFromUser(rawAt(), lenPtr, 4); // a bad length pointer fails before a connection is taken
    if (r < 0) return r;
  }
  if (fdLowestFree(currentProcess(), 0) < 0) return -EMFILE;
  const c = s.accept();
  if (c === null) return s.acceptError();
  c.nonblock = (flags & u64(SOCK_NONBLOCK)) != 0;
  c.peerName(addrOut);
  const fdNew = install(c, (flags & u64(SOCK_CLOEXEC)) != 0);
  if (fdNew < 0) return fdNew;
  const w = writeAddr(addrOut, addr, lenPtr);
  return w < 0 ? w : fdNew; // Linux, too, keeps the connection when the address cannot be written
}

function doSendto(fd: i64, buf: u64, len: u64, flags: u64, addr: u64, alen: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  if (addr == 0) return sendSignalled(s.sendTo(buf, len, flags, null), flags);
  const r = readAddr(addr, alen);
  return r < 0 ? r : sendSignalled(s.sendTo(buf, len, flags, addrIn), flags);
}

function doRecvfrom(fd: i64, buf: u64, len: u64, flags: u64, addr: u64, lenPtr: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  const n = s.recvFrom(buf, len, flags, addrOut);
  if (n < 0) return n;
  const w = writeAddr(addrOut, addr, lenPtr);
  return w < 0 ? w : n;
}

function doGetsockname(fd: i64, addr: u64, lenPtr: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  if (addr == 0) return -EFAULT;
  const r = s.localName(addrOut);
  return r < 0 ? r : writeAddr(addrOut, addr, lenPtr);
}

function doGetpeername(fd: i64, addr: u64, lenPtr: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  if (addr == 0) return -EFAULT;
  const r = s.peerName(addrOut);
  return r < 0 ? r : writeAddr(addrOut, addr, lenPtr);
}

function doShutdown(fd: i64, how: i64): i64 {
  const s = socketOf(fd);
  return s === null ? sockErr : s.shutdown(how);
}

function doSetsockopt(fd: i64, level: i64, opt: i64, val: u64, len: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  if (level != SOL_SOCKET) return -ENOPROTOOPT;
  if (opt == SO_REUSEADDR) {
    if (len < 4) return -EINVAL;
    const r = copyFromUser(rawAt(), val, 4);
    if (r < 0) return r;
    s.endpoint().reuseAddr = load<i32>(rawAt()) != 0;
    return 0;
  }
  if (opt == SO_RCVTIMEO) {
    if (len < 16) return -EINVAL;
    const r = copyFromUser(rawAt(), val, 16);
    if (r < 0) return r;
    const sec = load<i64>(rawAt());
    const usec = load<i64>(rawAt() + 8);
    if (usec < 0 || usec >= 1_000_000) return -EDOM;
    s.rcvTimeoutMs = sec < 0 ? 0 : u64(sec) * 1000 + u64(usec + 999) / 1000; // a negative time: no timeout, as Linux
    return 0;
  }
  return -ENOPROTOOPT;
}

function doGetsockopt(fd: i64, level: i64, opt: i64, val: u64, lenPtr: u64): i64 {
  const s = socketOf(fd);
  if (s === null) return sockErr;
  if (level != SOL_SOCKET) return -ENOPROTOOPT;
  let r = copyFromUser(rawAt(), lenPtr, 4);
  if (r < 0) return r;
  const room = i64(load<i32>(rawAt()));
  if (room < 0) return -EINVAL;
  let n: i64 = 4;
  memset(rawAt(), 0, 16);
  if (opt == SO_REUSEADDR) store<i32>(rawAt(), s.endpoint().reuseAddr ? 1 : 0);
  else if (opt == SO_TYPE) store<i32>(rawAt(), i32(s.type()));
  else if (opt == SO_ERROR) {
    store<i32>(rawAt(), i32(s.error));
    s.error = 0;
  }
  else if (opt == SO_RCVTIMEO) {
    store<i64>(rawAt(), i64(s.rcvTimeoutMs / 1000));
    store<i64>(rawAt() + 8, i64(s.rcvTimeoutMs % 1000) * 1000);
    n = 16;
  } else return -ENOPROTOOPT;
  if (room < n) n = room;
  r = copyToUser(val, rawAt(), u64(n));
  if (r < 0) return r;
  store<i32>(rawAt(), i32(n));
  return copyToUser(lenPtr, rawAt(), 4);
}

/** A call's result, after the packets it sent to ourselves were delivered (kernel/net/loopback.ts). */
function flushed(r: i64): i64 {
  netFlush();
  return r;
}

// The calls, each followed by the delivery of what it sent.
export function sysSocket(domain: u64, type: u64, proto: u64): i64 {
  return flushed(doSocket(domain, type, proto));
}

export function sysBind(fd: i64, addr: u64, len: u64): i64 {
  return flushed(doBind(fd, addr, len));
}

export function sysConnect(fd: i64, addr: u64, len: u64): i64 {
  return flushed(doConnect(fd, addr, len));
}

export function sysListen(fd: i64, backlog: i64): i64 {
  return flushed(doListen(fd, backlog));
}

export function sysAccept4(fd: i64, addr: u64, lenPtr: u64, flags: u64): i64 {
  return flushed(doAccept4(fd, addr, lenPtr, flags));
}

export function sysSendto(fd: i64, buf: u64, len: u64, flags: u64, addr: u64, alen: u64): i64 {
  return flushed(doSendto(fd, buf, len, flags, addr, alen));
}

export function sysRecvfrom(fd: i64, buf: u64, len: u64, flags: u64, addr: u64, lenPtr: u64): i64 {
  return flushed(doRecvfrom(fd, buf, len, flags, addr, lenPtr));
}

export function sysGetsockname(fd: i64, addr: u64, lenPtr: u64): i64 {
  return flushed(doGetsockname(fd, addr, lenPtr));
}

export function sysGetpeername(fd: i64, addr: u64, lenPtr: u64): i64 {
  return flushed(doGetpeername(fd, addr, lenPtr));
}

export function sysShutdown(fd: i64, how: i64): i64 {
  return flushed(doShutdown(fd, how));
}

export function sysSetsockopt(fd: i64, level: i64, opt: i64, val: u64, len: u64): i64 {
  return flushed(doSetsockopt(fd, level, opt, val, len));
}

export function sysGetsockopt(fd: i64, level: i64, opt: i64, val: u64, lenPtr: u64): i64 {
  return flushed(doGetsockopt(fd, level, opt, val, lenPtr));
}
