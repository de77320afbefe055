// Sockets as descriptors: the Socket device behind an fd (read and write
// are recv and send without an address), its wait queue, its options
// (SO_REUSEADDR, SO_RCVTIMEO, non-blocking), and the table of every open
// socket (at most MAX_SOCKETS, which bounds the stack's memory in total).
// A blocked call sleeps on the socket's queue (a signal ends the wait
// with -EINTR); the stack wakes it through
// the endpoint's owner (endpoint.ts), and netSocketsTick wakes a socket
// whose receive timeout has passed. The protocols are subclasses:
// UdpSocket (udpsocket.ts) and TcpSocket (tcpsocket.ts).
import { Device } from '../fs/device';
import { WaitQueue } from '../proc/process';
import { currentProcess } from '../proc/sched';
import { signalSend } from '../proc/signal';
import { pollNotify } from '../proc/pollwait';
import { sleepInterruptible, wakeAll } from '../proc/waitqueue';
import { EAGAIN, EINTR, ENOTCONN, EOPNOTSUPP, EPIPE, MSG_NOSIGNAL, SIGPIPE } from '../syscall/numbers';
import { Endpoint, setWakeHook } from './endpoint';
import { netNow } from './iface';
import { netFlush } from './loopback';

export const MAX_SOCKETS: i32 = 64;

/** An address and port read from or written to a sockaddr_in (host byte order). */
export class SockAddr {
  addr: u32 = 0;
  port: u16 = 0;
}

export abstract class Socket extends Device {
  readonly wait = new WaitQueue();
  /** Descriptors referring to it (fdtable.ts counts them); the last close ends it. */
  refs: i32 = 0;
  nonblock = false;
  /** SO_RCVTIMEO in milliseconds (0: wait for ever). */
  rcvTimeoutMs: u64 = 0;
  /** A pending error (a positive errno) for SO_ERROR, 0 for none. */
  error: i64 = 0;
  /** When the current timed wait ends (netNow); 0 while none is in progress. */
  deadline: u64 = 0;

  path(): string { return 'socket:'; }

  abstract type(): i64;
  abstract bind(a: SockAddr): i64;
  abstract connect(a: SockAddr): i64;
  /** Sends `len` bytes at user address `buf`, to `to` if not null. */
  abstract sendTo(buf: u64, len: u64, flags: u64, to: SockAddr | null): i64;
  /** Receives up to `len` bytes into user address `buf`; fills `from` with the sender. */
  abstract recvFrom(buf: u64, len: u64, flags: u64, from: SockAddr): i64;
  /** The protocol's endpoint: its addresses and options. */
  abstract endpoint(): Endpoint;
  abstract peerName(out: SockAddr): i64;

  localName(out: SockAddr): i64 {
    out.addr = this.endpoint().localAddr;
    out.port = this.endpoint().localPort;
    return 0;
  }

  /** The peer's address and port, or -ENOTCONN when `connected` is false. */
  peerOf(connected: bool, out: SockAddr): i64 {
    if (!connected) return -ENOTCONN;
    out.addr = this.endpoint().remoteAddr;
    out.port = this.endpoint().remotePort;
    return 0;
  }
  listen(backlog: i64): i64 { return -EOPNOTSUPP; }
  /** The next connection, its socket not in any fd yet. */
  accept(): Socket | null { return null; }
  acceptError(): i64 { return -EOPNOTSUPP; }
  abstract shutdown(how: i64): i64;
  /** The protocol's end: the endpoint closed (gracefully for TCP) and freed. */
  abstract finish(): void;

  read(buf: u64, len: u64): i64 {
    const r = this.recvFrom(buf, len, 0, scratchAddr);
    netFlush();
    return r;
  }

  write(buf: u64, len: u64): i64 {
    const r = sendSignalled(this.sendTo(buf, len, 0, null), 0);
    netFlush();
    return r;
  }

  opened(): void {
    this.refs++;
  }

  released(): void {
    this.refs--;
    if (this.refs > 0) return;
    socketForget(this);
    this.finish();
    netFlush();
  }

  /**
   * Waits for the socket's state to change: 0 after a wake-up, or at once
   * when delivering the loopback queue may have changed it (the caller
   * checks again); -EAGAIN at once for a non-blocking call (`dontwait`)
   * or when SO_RCVTIMEO passes (`timed`: the receive side); -EINTR when a
   * signal is pending. `since` is when the call began.
   */
  waitFor(dontwait: bool, timed: bool, since: u64): i64 {
    if (netFlush()) return 0;
    if (dontwait || this.nonblock) return -EAGAIN;
    if (timed && this.rcvTimeoutMs != 0) {
      const end = since + this.rcvTimeoutMs;
      if (netNow >= end) return -EAGAIN;
      this.deadline = end;
    }
    const woken = sleepInterruptible(this.wait);
    this.deadline = 0;
    return woken ? 0 : -EINTR;
  }
}

/** A send's result `r`, having sent SIGPIPE to the caller when it is -EPIPE and `flags` lack MSG_NOSIGNAL (as Linux). */
export function sendSignalled(r: i64, flags: u64): i64 {
  if (r == -EPIPE && (flags & u64(MSG_NOSIGNAL)) == 0) signalSend(currentProcess(), SIGPIPE, 0);
  return r;
}

const scratchAddr = new SockAddr();
const sockets = new Array<Socket | null>(64);
let open: i32 = 0;

/** Puts a new socket in the table; false when MAX_SOCKETS are open. */
export function socketAdd(s: Socket): bool {
  for (let i: i32 = 0; i < MAX_SOCKETS; i++) {
    if (sockets[i] === null) {
      sockets[i] = s;
      open++;
      return true;
    }
  }
  return false;
}

function socketForget(s: Socket): void {
  for (let i: i32 = 0; i < MAX_SOCKETS; i++) {
    if (sockets[i] === s) {
      sockets[i] = null;
      open--;
    }
  }
}

/** Sockets open now. */
export function socketsOpen(): i32 {
  return open;
}

/** Wakes the socket's sleepers and the pollers: its state changed. */
export function socketWake(s: Socket): void {
  wakeAll(s.wait);
  pollNotify();
}

function wakeSocket(owner: usize): void {
  socketWake(changetype<Socket>(owner));
}
setWakeHook(wakeSocket);

/** The timer's part: wakes every socket whose receive timeout has passed. */
export function netSocketsTick(): void {
  for (let i: i32 = 0; i < MAX_SOCKETS; i++) {
    const s = sockets[i];
    if (s !== null && s.deadline != 0 && netNow >= s.deadline) wakeAll(s.wait);
  }
}
