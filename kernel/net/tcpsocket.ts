// The stream socket (SOCK_STREAM over TCP). connect sends a SYN and waits
// for the handshake; listen makes the block a listener with a backlog;
// accept takes the oldest established connection off its queue. send
// copies into the send ring as room appears (a blocking send returns when
// all of it is queued), recv takes from the receive ring and returns 0
// once the peer's FIN has come and the ring is empty. close sends a FIN
// and leaves the connection to finish on its own (or resets it when
// unread data is left, as Linux does).
import { copyFromUser, copyToUser } from '../mm/usercopy';
import {
  POLLERR, POLLHUP, POLLIN, POLLOUT, EADDRINUSE, EADDRNOTAVAIL, EALREADY, EINPROGRESS, EINVAL, EISCONN, ENOBUFS, ENOTCONN, EPIPE, MSG_DONTWAIT, MSG_PEEK, SHUT_RD, SHUT_RDWR,
  SHUT_WR, SOCK_STREAM,
} from '../syscall/numbers';
import { Endpoint, ephemeralPort } from './endpoint';
import { isLocalAddr, netNow, sourceFor } from './iface';
import { SockAddr, Socket, socketWake } from './socket';
import { St, TCP_BUF, TCP_MAX_BACKLOG, TCP_SLOTS, Tcb, tcbAt, tcbDropRings, tcbFree, tcbNew, tcbRings, tcpPortTaken } from './tcb';
import { tcpIss } from './tcp';
import { TCP_ORPHAN_MS, rcvWindow, tcpOutput, tcpSendAck, tcpSendRst, tcpSendSyn } from './tcpout';

function portTaken(port: u16): bool {
  return tcpPortTaken(port, false);
}

export class TcpSocket extends Socket {
  readShut = false;

  constructor(readonly tcb: Tcb) {
    super();
    tcb.owner = changetype<usize>(this);
  }

  type(): i64 { return SOCK_STREAM; }

  bind(a: SockAddr): i64 {
    const t = this.tcb;
    if (t.localPort != 0 || t.state != St.Closed) return -EINVAL;
    if (a.addr != 0 && !isLocalAddr(a.addr)) return -EADDRNOTAVAIL;
    const port = a.port != 0 ? a.port : ephemeralPort(portTaken);
    if (port == 0 || (a.port != 0 && tcpPortTaken(port, t.reuseAddr))) return -EADDRINUSE;
    t.localAddr = a.addr;
    t.localPort = port;
    return 0;
  }

  listen(backlog: i64): i64 {
    const t = this.tcb;
    if (t.state != St.Closed && t.state != St.Listen) return -EINVAL;
    if (t.localPort == 0) {
      t.localPort = ephemeralPort(portTaken);
      if (t.localPort == 0) return -EADDRINUSE;
    }
    t.backlog = backlog < 1 ? 1 : backlog > i64(TCP_MAX_BACKLOG) ? TCP_MAX_BACKLOG : i32(backlog);
    t.state = St.Listen;
    return 0;
  }

  accept(): Socket | null {
    const l = this.tcb;
    const since = netNow;
    while (l.acceptHead === null) {
      if (l.state != St.Listen) { this.error = EINVAL; return null; }
      const r = this.waitFor(false, true, since);
      if (r < 0) { this.error = -r; return null; }
    }
    const c = l.acceptHead!;
    l.acceptHead = c.acceptNext;
    c.acceptNext = null;
    c.parent = null;
    l.queued--;
    return new TcpSocket(c);
  }

  acceptError(): i64 {
    const e = this.error;
    this.error = 0;
    return -e;
  }

  connect(a: SockAddr): i64 {
    const t = this.tcb;
    if (t.state == St.SynSent) return -EALREADY;
    if (t.state == St.Listen) return -EINVAL;
    if (t.state != St.Closed || t.remotePort != 0) return -EISCONN;
    if (t.localPort == 0) {
      t.localPort = ephemeralPort(portTaken);
      if (t.localPort == 0) return -EADDRNOTAVAIL;
    }
    if (t.localAddr == 0) t.localAddr = sourceFor(a.addr);
    t.remoteAddr = a.addr;
    t.remotePort = a.port;
    if (!tcbRings(t)) return -ENOBUFS;
    t.iss = tcpIss();
    t.sndUna = t.iss;
    t.sndNxt = t.iss + 1;
    t.state = St.SynSent;
    t.rttSeq = t.iss;
    t.rttStart = netNow;
    tcpSendSyn(t);
    if (this.nonblock && t.state == St.SynSent) return -EINPROGRESS;
    while (t.state == St.SynSent || t.state == St.SynRcvd) {
      const r = this.waitFor(false, false, 0);
      if (r < 0) return r; // -EINTR: the handshake goes on, as Linux's
    }
    if (t.state == St.Closed) return this.takeError(EINVAL);
    return 0;
  }

  /** The connection's pending error as -errno (`otherwise` when it has none). */
  takeError(otherwise: i64): i64 {
    const t = this.tcb;
    const e = t.error != 0 ? t.error : otherwise;
    t.error = 0;
    return -e;
  }

  sendTo(buf: u64, len: u64, flags: u64, to: SockAddr | null): i64 {
    const t = this.tcb;
    let done: u64 = 0;
    while (done < len) {
      if (t.error != 0) return done > 0 ? i64(done) : this.takeError(0);
      if ((t.state != St.Established && t.state != St.CloseWait) || t.finQueued) return done > 0 ? i64(done) : -EPIPE; // as Linux, unconnected too
      const room = u64(TCP_BUF - t.sendLen);
      if (room == 0) {
        const r = this.waitFor((flags & u64(MSG_DONTWAIT)) != 0, false, 0);
        if (r < 0) return done > 0 ? i64(done) : r;
        continue;
      }
      const n = len - done < room ? len - done : room;
      const r = this.ringCopyIn(buf + done, u32(n));
      if (r < 0) return done > 0 ? i64(done) : r;
      t.sendLen += u32(n);
      done += n;
      tcpOutput(t);
    }
    return i64(done);
  }

  /** Copies `n` user bytes at `src` to the end of the send ring. */
  ringCopyIn(src: u64, n: u32): i64 {
    const t = this.tcb;
    const base = changetype<usize>(t.sendRing!) + 8;
    const at = (t.sendStart + t.sendLen) % TCP_BUF;
    const first = n < TCP_BUF - at ? n : TCP_BUF - at;
    let r = copyFromUser(base + usize(at), src, u64(first));
    if (r == 0 && first < n) r = copyFromUser(base, src + u64(first), u64(n - first));
    return r;
  }

  recvFrom(buf: u64, len: u64, flags: u64, from: SockAddr): i64 {
    const t = this.tcb;
    const since = netNow;
    from.addr = t.remoteAddr;
    from.port = t.remotePort;
    if (len == 0) return 0;
    while (t.recvLen == 0) {
      if (this.readShut || t.finReceived) return 0;
      if (t.error != 0) return this.takeError(0);
      if (t.state < St.Established || t.state == St.Closed) return -ENOTCONN;
      const r = this.waitFor((flags & u64(MSG_DONTWAIT)) != 0, true, since);
      if (r < 0) return r;
    }
    const n = u32(len < u64(t.recvLen) ? len : u64(t.recvLen));
    const base = changetype<usize>(t.recvRing!) + 8;
    const first = n < TCP_BUF - t.recvStart ? n : TCP_BUF - t.recvStart;
    let r = copyToUser(buf, base + usize(t.recvStart), u64(first));
    if (r == 0 && first < n) r = copyToUser(buf + u64(first), base, u64(n - first));
    if (r < 0) return r;
    if ((flags & u64(MSG_PEEK)) != 0) return i64(n);
    t.recvStart = (t.recvStart + n) % TCP_BUF;
    t.recvLen -= n;
    // Tell the peer when reading opened a window it may have stopped on.
    if (rcvWindow(t) - t.announced >= t.mss || (t.announced == 0 && rcvWindow(t) > 0)) tcpSendAck(t);
    return i64(n);
  }

  endpoint(): Endpoint { return this.tcb; }

  /**
   * A listener: POLLIN with a connection to accept. A connection: POLLIN
   * with bytes to read or at end of stream (the peer's FIN, SHUT_RD);
   * POLLOUT with room in the send ring, or once sending is shut (a send
   * fails at once, as Linux's tcp_poll says); POLLERR
   * with a pending error; POLLHUP when closed or shut both ways (as Linux's
   * tcp_poll). Connecting: nothing yet.
   */
  poll(): i32 {
    const t = this.tcb;
    if (t.state == St.Listen) return t.acceptHead !== null ? POLLIN : 0;
    if (t.state == St.SynSent || t.state == St.SynRcvd) return 0;
    const readEnd = this.readShut || t.finReceived;
    let m: i32 = t.error != 0 ? POLLERR : 0;
    if (t.recvLen > 0 || readEnd) m |= POLLIN;
    if (t.state == St.Closed || (readEnd && t.finQueued)) m |= POLLHUP;
    if (t.finQueued || t.sendLen < TCP_BUF) m |= POLLOUT;
    return m;
  }

  peerName(out: SockAddr): i64 {
    return this.peerOf(this.tcb.state >= St.Established, out);
  }

  shutdown(how: i64): i64 {
    const t = this.tcb;
    if (how < SHUT_RD || how > SHUT_RDWR) return -EINVAL;
    if (t.state < St.Established && t.state != St.SynRcvd) return -ENOTCONN;
    if (how != SHUT_WR) this.readShut = true;
    if (how != SHUT_RD) this.sendFin();
    socketWake(this);
    return 0;
  }

  /** Queues the FIN: the state moves on and tcpOutput sends it after the data. */
  sendFin(): void {
    const t = this.tcb;
    if (t.finQueued) return;
    if (t.state == St.Established || t.state == St.SynRcvd) t.state = St.FinWait1;
    else if (t.state == St.CloseWait) t.state = St.LastAck;
    else return;
    t.finQueued = true;
    tcpOutput(t);
  }

  finish(): void {
    const t = this.tcb;
    t.owner = 0;
    if (t.state == St.Listen) closeListener(t);
    else if (t.state == St.Closed || t.state == St.SynSent) tcbFree(t);
    else if (t.state == St.TimeWait) tcbDropRings(t);
    else if (t.recvLen > 0 || t.state == St.SynRcvd) { // unread data: the peer learns it was lost
      tcpSendRst(t);
      tcbFree(t);
    } else {
      this.sendFin();
      if (t.state == St.FinWait2) t.lingerUntil = netNow + TCP_ORPHAN_MS;
    }
    free(this.wait);
    free(this);
  }
}

/** Closes a listener: its queued and half-open connections are reset and freed. */
function closeListener(l: Tcb): void {
  while (l.acceptHead !== null) {
    const c = l.acceptHead!;
    l.acceptHead = c.acceptNext;
    tcpSendRst(c);
    tcbFree(c);
  }
  tcbOrphanChildren(l);
  tcbFree(l);
}

/** Resets the connections still in SYN_RCVD for listener `l`. */
function tcbOrphanChildren(l: Tcb): void {
  for (let i: i32 = 0; i < TCP_SLOTS; i++) {
    const c = tcbAt(i);
    if (c !== null && c.parent === l) {
      tcpSendRst(c);
      tcbFree(c);
    }
  }
}

/** A new stream socket with a closed block, or null when the table is full. */
export function newStreamSocket(): Socket | null {
  const t = tcbNew();
  return t === null ? null : new TcpSocket(t);
}
