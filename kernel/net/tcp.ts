// TCP input (RFC 9293 §3.10.7, "SEGMENT ARRIVES"): the segment is checked
// (tcpwire.ts), matched to a connection or a listener, and moves it through
// its states. A segment for no connection is answered with a reset. A
// listener makes a connection in SYN_RCVD per SYN while its backlog has
// room (the rest are counted and dropped: the peer retries). In the
// synchronized states a segment must overlap the receive window; data in
// order goes to the receive ring, data ahead of rcvNxt (out of order) and
// duplicates are dropped and answered with an ACK of what did arrive, so
// the peer resends; a FIN is taken once everything before it has arrived.
import { Net, netCount } from './counters';
import { wakeOwner } from './endpoint';
import { netNow } from './iface';
import { rx } from './ipv4';
import { pktFree } from './pktbuf';
import { St, TCP_BUF, TCP_MSS, Tcb, tcbClose, tcbLookup, tcbNew, tcbRings } from './tcb';
import { TCP_ORPHAN_MS, TCP_TIME_WAIT_MS, rcvWindow, tcpOutput, tcpRttSample, tcpSendAck, tcpSendSyn } from './tcpout';
import { ACK, FIN, RST, SYN, seg, seqLe, seqLt, tcpCheck, tcpSendReset } from './tcpwire';
import { ECONNREFUSED, ECONNRESET } from '../syscall/numbers';

let issCounter: u32 = 0;

/**
 * A test build's fault injector (kernel/testing/netfaults.ts): sees each
 * checked segment first and answers how often to process it, 0 (it took
 * the packet: dropped, or held back to come later), 1 or 2 (duplicated).
 */
let inputFilter: ((p: i32) => i32) | null = null;

export function setTcpInputFilter(f: (p: i32) => i32): void {
  inputFilter = f;
}

/** An initial sequence number: the clock and a counter, mixed with the TSC (RFC 6528's spirit, without a secret). */
export function tcpIss(): u32 {
  issCounter += 64_000;
  return u32(rdtsc()) * 2654435761 + u32(netNow) * 250 + issCounter;
}

/** A received TCP segment in `p` (rx describes it). */
export function tcpInput(p: i32): void {
  if (!tcpCheck()) { pktFree(p); return; }
  const filter = inputFilter;
  const times = filter === null ? 1 : filter(p);
  if (times == 0) return;
  segmentArrives();
  if (times == 2) segmentArrives();
  pktFree(p);
}

function segmentArrives(): void {
  const t = tcbLookup(rx.dst, seg.dstPort, rx.src, seg.srcPort);
  if (t === null) {
    netCount(Net.TcpNoSocket);
    tcpSendReset();
    return;
  }
  if (t.state == St.Listen) listenArrives(t);
  else if (t.state == St.SynSent) synSentArrives(t);
  else synchronizedArrives(t);
}

/** Takes the peer's MSS (bounded by ours) and window from a SYN. */
function takeSyn(t: Tcb): void {
  t.irs = seg.seq;
  t.rcvNxt = seg.seq + 1;
  t.mss = seg.mss == 0 ? 536 : u32(seg.mss < TCP_MSS ? seg.mss : TCP_MSS);
  if (t.mss < 64) t.mss = 64;
  t.sndWnd = u32(seg.window);
  t.sndWl1 = seg.seq;
  t.sndWl2 = seg.ack;
}

function listenArrives(l: Tcb): void {
  if ((seg.flags & RST) != 0) return;
  if ((seg.flags & ACK) != 0) { tcpSendReset(); return; }
  if ((seg.flags & SYN) == 0) return;
  if (l.pending + l.queued >= l.backlog) { netCount(Net.TcpBacklogFull); return; }
  const c = tcbNew();
  if (c === null || !tcbRings(c)) { netCount(Net.TcpBacklogFull); return; }
  c.localAddr = rx.dst;
  c.localPort = l.localPort;
  c.remoteAddr = rx.src;
  c.remotePort = seg.srcPort;
  c.parent = l;
  c.reuseAddr = l.reuseAddr;
  l.pending++;
  takeSyn(c);
  c.iss = tcpIss();
  c.sndUna = c.iss;
  c.sndNxt = c.iss + 1;
  c.state = St.SynRcvd;
  tcpSendSyn(c);
}

function synSentArrives(t: Tcb): void {
  const f = seg.flags;
  if ((f & ACK) != 0 && (seqLe(seg.ack, t.iss) || seqLt(t.sndNxt, seg.ack))) {
    tcpSendReset();
    return;
  }
  if ((f & RST) != 0) {
    if ((f & ACK) != 0) tcbClose(t, ECONNREFUSED);
    return;
  }
  if ((f & SYN) == 0) return;
  takeSyn(t);
  if ((f & ACK) != 0) {
    t.sndUna = seg.ack;
    t.state = St.Established;
    t.rtxAt = 0;
    t.retries = 0;
    if (t.rttSeq != 0) tcpRttSample(t, netNow - t.rttStart);
    t.rttSeq = 0;
    tcpSendAck(t);
    wakeOwner(t);
  } else {
    t.state = St.SynRcvd; // simultaneous open
    tcpSendSyn(t);
  }
}

/** Whether the segment overlaps the receive window (RFC 9293's acceptability test). */
function acceptable(t: Tcb, used: u32): bool {
  const wnd = rcvWindow(t) > t.announced ? rcvWindow(t) : t.announced;
  if (used == 0) {
    if (wnd == 0) return seg.seq == t.rcvNxt;
    return seqLe(t.rcvNxt, seg.seq) && seqLt(seg.seq, t.rcvNxt + wnd);
  }
  if (wnd == 0) return false;
  const last = seg.seq + used - 1;
  return (seqLe(t.rcvNxt, seg.seq) && seqLt(seg.seq, t.rcvNxt + wnd)) || (seqLe(t.rcvNxt, last) && seqLt(last, t.rcvNxt + wnd));
}

function synchronizedArrives(t: Tcb): void {
  const f = seg.flags;
  const used = u32(seg.len) + ((f & SYN) != 0 ? 1 : 0) + ((f & FIN) != 0 ? 1 : 0);
  if (!acceptable(t, used)) {
    netCount(Net.TcpOutOfWindow);
    // A segment that ends right at rcvNxt (QEMU's FIN sent again, now with the ACK of ours) still has its
    // ACK field taken, as Linux's check against the window's last edge allows: else CLOSING waits an RTO.
    if ((f & (ACK | SYN | RST)) == ACK && seg.seq + used == t.rcvNxt && !ackArrives(t)) return;
    if ((f & RST) == 0) tcpSendAck(t);
    return;
  }
  if ((f & RST) != 0) {
    resetArrives(t);
    return;
  }
  if ((f & SYN) != 0) { // a SYN inside the window: answer with an ACK (RFC 5961's challenge), change nothing
    tcpSendAck(t);
    return;
  }
  if ((f & ACK) == 0) return;
  if (!ackArrives(t)) return;
  const took = dataArrives(t);
  const fin = finArrives(t);
  if (!tcpOutput(t) && (took || fin || seg.len > 0)) tcpSendAck(t);
}

function resetArrives(t: Tcb): void {
  const l = t.parent;
  if (t.state == St.SynRcvd && l !== null) { // a connection that was never accepted: gone quietly
    l.pending--;
    t.parent = null;
    tcbClose(t, 0);
    return;
  }
  tcbClose(t, t.state == St.TimeWait || t.state == St.LastAck ? 0 : ECONNRESET);
}

/** The ACK field: advance sndUna, time the round trip, update the window, and the states that wait for our FIN's ACK. */
function ackArrives(t: Tcb): bool {
  const ackNo = seg.ack;
  if (t.state == St.SynRcvd) {
    if (seqLe(ackNo, t.sndUna) || seqLt(t.sndNxt, ackNo)) { tcpSendReset(); return false; }
    t.sndUna = ackNo;
    t.state = St.Established;
    t.rtxAt = 0;
    t.retries = 0;
    t.sndWnd = u32(seg.window);
    t.sndWl1 = seg.seq;
    t.sndWl2 = ackNo;
    const l = t.parent;
    if (l !== null) queueForAccept(l, t);
    wakeOwner(t);
  }
  if (seqLt(t.sndNxt, ackNo)) { tcpSendAck(t); return false; } // acknowledges what was never sent
  if (seqLt(t.sndUna, ackNo)) {
    let acked = ackNo - t.sndUna;
    if (t.finSent && ackNo == t.sndNxt) acked--; // the FIN's sequence number holds no byte
    if (acked > t.sendLen) acked = t.sendLen;
    t.sendStart = (t.sendStart + acked) % TCP_BUF;
    t.sendLen -= acked;
    t.sndUna = ackNo;
    if (t.rttSeq != 0 && seqLt(t.rttSeq, ackNo)) {
      tcpRttSample(t, netNow - t.rttStart);
      t.rttSeq = 0;
    }
    t.retries = 0;
    t.rtxAt = t.sndUna == t.sndNxt ? 0 : netNow + t.rto;
    wakeOwner(t); // room in the send ring
  }
  if (seqLt(t.sndWl1, seg.seq) || (t.sndWl1 == seg.seq && seqLe(t.sndWl2, ackNo))) {
    t.sndWnd = u32(seg.window);
    t.sndWl1 = seg.seq;
    t.sndWl2 = ackNo;
  }
  const finAcked = t.finSent && ackNo == t.sndNxt;
  if (t.state == St.FinWait1 && finAcked) {
    t.state = St.FinWait2;
    if (t.owner == 0) t.lingerUntil = netNow + TCP_ORPHAN_MS;
  } else if (t.state == St.Closing && finAcked) enterTimeWait(t);
  else if (t.state == St.LastAck && finAcked) {
    tcbClose(t, 0);
    return false;
  } else if (t.state == St.TimeWait && (seg.flags & FIN) != 0) {
    tcpSendAck(t); // the peer lost our ACK of its FIN
    t.lingerUntil = netNow + TCP_TIME_WAIT_MS;
    return false;
  }
  return true;
}

function queueForAccept(l: Tcb, t: Tcb): void {
  l.pending--;
  t.acceptNext = null;
  if (l.acceptHead === null) l.acceptHead = t;
  else {
    let q = l.acceptHead!;
    while (q.acceptNext !== null) q = q.acceptNext!;
    q.acceptNext = t;
  }
  l.queued++;
  wakeOwner(l);
}

/** In-order data into the receive ring; returns whether any was taken. */
function dataArrives(t: Tcb): bool {
  if (seg.len == 0 || t.recvRing === null) return false;
  if (t.state != St.Established && t.state != St.FinWait1 && t.state != St.FinWait2) return false;
  if (seqLt(t.rcvNxt, seg.seq)) { // ahead of what we have: dropped, and the ACK of what we have asks again
    netCount(Net.TcpOutOfWindow);
    return false;
  }
  const skip = t.rcvNxt - seg.seq; // already received
  if (skip >= u32(seg.len)) return false;
  let n = u32(seg.len) - skip;
  const room = TCP_BUF - t.recvLen;
  if (n > room) n = room;
  const ring = changetype<usize>(t.recvRing!) + 8;
  const at = (t.recvStart + t.recvLen) % TCP_BUF;
  const first = n < TCP_BUF - at ? n : TCP_BUF - at;
  memcpy(ring + usize(at), seg.data + usize(skip), usize(first));
  if (first < n) memcpy(ring, seg.data + usize(skip + first), usize(n - first));
  t.recvLen += n;
  t.rcvNxt += n;
  wakeOwner(t);
  return true;
}

/** A FIN right after everything received: the peer has finished sending. */
function finArrives(t: Tcb): bool {
  if ((seg.flags & FIN) == 0 || t.finReceived) return false;
  if (seg.seq + u32(seg.len) != t.rcvNxt) return false; // data before it is missing
  t.rcvNxt++;
  t.finReceived = true;
  if (t.state == St.Established) t.state = St.CloseWait;
  else if (t.state == St.FinWait1) t.state = St.Closing;
  else if (t.state == St.FinWait2) enterTimeWait(t);
  wakeOwner(t);
  return true;
}

function enterTimeWait(t: Tcb): void {
  t.state = St.TimeWait;
  t.rtxAt = 0;
  t.lingerUntil = netNow + TCP_TIME_WAIT_MS;
  if (t.owner != 0) wakeOwner(t);
}
