// TCP output and timers: segments from the send ring within the peer's
// window and MSS, the FIN after the data, pure ACKs and window updates,
// SYN and SYN-ACK with the MSS option; the retransmission timer with an
// RTO estimated from measured round trips (RFC 6298: SRTT and RTTVAR, one
// segment timed at a time and never a retransmitted one, the RTO doubled
// on each expiry, between TCP_RTO_MIN and TCP_RTO_MAX), go-back-N from
// the oldest unacknowledged byte, a zero-window probe, and the TIME_WAIT
// and orphan timers. tcpTick runs them from the timer interrupt.
import { Net, netCount } from './counters';
import { netNow } from './iface';
import { pktAlloc } from './pktbuf';
import { St, TCP_BUF, TCP_MSS, TCP_SLOTS, Tcb, tcbAt, tcbClose, tcbFree } from './tcb';
import { ACK, FIN, PSH, RST, SYN, tcpEmit, tcpPayloadAt } from './tcpwire';
import { ETIMEDOUT } from '../syscall/numbers';

export const TCP_RTO_MIN: u64 = 200;
export const TCP_RTO_MAX: u64 = 60_000;
/** Retransmissions in a row before the connection is given up (ETIMEDOUT). */
export const TCP_MAX_RETRIES: i32 = 10;
/** SYN-ACKs repeated before a listener's half-open connection is dropped (1 + 2 + 4 + 8 s). */
export const TCP_SYNACK_RETRIES: i32 = 3;
/** TIME_WAIT's length: 2 × MSL with an MSL of 2 s (the only peers are this host and QEMU's). */
export const TCP_TIME_WAIT_MS: u64 = 4000;
/** How long a closed socket's connection waits in FIN_WAIT_2 for the peer's FIN. */
export const TCP_ORPHAN_MS: u64 = 30_000;

/** The window we announce: the receive ring's free room. */
export function rcvWindow(t: Tcb): u32 {
  return t.recvRing === null ? 0 : TCP_BUF - t.recvLen;
}

/** Sends one segment of `t`: `n` bytes from the send ring at offset `off` from sndUna, with `flags`. */
function emit(t: Tcb, seqNo: u32, flags: u8, off: u32, n: u32): bool {
  const p = pktAlloc();
  if (p < 0) { netCount(Net.PoolEmpty); return false; }
  const syn = (flags & SYN) != 0;
  if (n > 0) {
    const ring = t.sendRing!;
    const base = changetype<usize>(ring) + 8;
    const dst = tcpPayloadAt(p, syn);
    const start = (t.sendStart + off) % TCP_BUF;
    const first = n < TCP_BUF - start ? n : TCP_BUF - start;
    memcpy(dst, base + usize(start), usize(first));
    if (first < n) memcpy(dst + usize(first), base, usize(n - first));
  }
  const wnd = rcvWindow(t);
  t.announced = wnd;
  tcpEmit(p, t.localAddr, t.localPort, t.remoteAddr, t.remotePort, seqNo, t.rcvNxt, flags, u16(wnd > 0xffff ? 0xffff : wnd),
    syn ? TCP_MSS : 0, i32(n));
  return true;
}

function armTimer(t: Tcb): void {
  if (t.rtxAt == 0) t.rtxAt = netNow + t.rto;
}

/** Sends SYN (connect) or SYN-ACK (a listener's new connection). */
export function tcpSendSyn(t: Tcb): void {
  emit(t, t.iss, t.state == St.SynRcvd ? SYN | ACK : SYN, 0, 0);
  armTimer(t);
}

/** A pure acknowledgement of what has arrived, with the current window. */
export function tcpSendAck(t: Tcb): void {
  emit(t, t.sndNxt, ACK, 0, 0);
}

/** Sends a reset on `t`'s connection (the user aborted it, or it timed out). */
export function tcpSendRst(t: Tcb): void {
  netCount(Net.TcpResets);
  emit(t, t.sndNxt, RST | ACK, 0, 0);
}

/** Sends what the peer's window allows of the unsent data, then the FIN; returns whether anything went. */
export function tcpOutput(t: Tcb): bool {
  if (t.state < St.Established || t.sendRing === null) return false;
  let sent = false;
  for (;;) {
    const inFlight = t.sndNxt - t.sndUna - (t.finSent ? 1 : 0);
    const unsent = t.sendLen - inFlight;
    const wndEnd = t.sndUna + t.sndWnd;
    const room = i32(wndEnd - t.sndNxt) > 0 ? wndEnd - t.sndNxt : 0;
    let n = unsent < room ? unsent : room;
    if (n > t.mss) n = t.mss;
    if (n == 0 || t.finSent) break;
    if (!emit(t, t.sndNxt, ACK | PSH, inFlight, n)) break;
    if (t.rttSeq == 0) { t.rttSeq = t.sndNxt; t.rttStart = netNow; }
    t.sndNxt += n;
    armTimer(t);
    sent = true;
  }
  const allSent = t.sndNxt - t.sndUna == t.sendLen;
  if (t.finQueued && !t.finSent && allSent) {
    if (emit(t, t.sndNxt, FIN | ACK, 0, 0)) {
      t.finSent = true;
      t.sndNxt++;
      armTimer(t);
      sent = true;
    }
  }
  if (!sent && t.sndWnd == 0 && t.sendLen > t.sndNxt - t.sndUna) armTimer(t); // the zero-window probe's timer
  return sent;
}

/** Takes a round-trip sample `r` (RFC 6298 §2). */
export function tcpRttSample(t: Tcb, r: u64): void {
  if (t.srtt == 0) {
    t.srtt = r == 0 ? 1 : r;
    t.rttvar = r / 2;
  } else {
    const d = t.srtt > r ? t.srtt - r : r - t.srtt;
    t.rttvar = (3 * t.rttvar + d) / 4;
    t.srtt = (7 * t.srtt + r) / 8;
  }
  const k = 4 * t.rttvar > 10 ? 4 * t.rttvar : 10; // G: the clock's 10 ms
  t.rto = t.srtt + k;
  if (t.rto < TCP_RTO_MIN) t.rto = TCP_RTO_MIN;
  if (t.rto > TCP_RTO_MAX) t.rto = TCP_RTO_MAX;
}

/** The retransmission timer fired: back off, resend from the oldest unacknowledged byte, or give up. */
function expire(t: Tcb): void {
  t.rtxAt = 0;
  t.retries++;
  const l = t.parent;
  if (t.state == St.SynRcvd && l !== null && t.retries > TCP_SYNACK_RETRIES) { // never completed: forgotten quietly
    l.pending--;
    t.parent = null;
    tcbFree(t);
    return;
  }
  if (t.retries > TCP_MAX_RETRIES) {
    if (t.state != St.SynSent) tcpSendRst(t);
    tcbClose(t, ETIMEDOUT);
    return;
  }
  t.rto = t.rto * 2 > TCP_RTO_MAX ? TCP_RTO_MAX : t.rto * 2;
  t.rttSeq = 0; // Karn: no sample from a retransmitted segment
  if (t.state == St.SynSent || t.state == St.SynRcvd) {
    tcpSendSyn(t);
    return;
  }
  netCount(Net.TcpRetransmits);
  const probe = t.sndWnd == 0 && t.sendLen > 0 && t.sndNxt == t.sndUna;
  t.sndNxt = t.sndUna;
  t.finSent = false;
  if (probe) {
    emit(t, t.sndNxt, ACK, 0, 1); // one byte past a zero window: the answer carries the window
    armTimer(t);
    return;
  }
  const saved = t.sndWnd;
  if (t.sndWnd < t.mss) t.sndWnd = t.mss; // resend at least one segment
  tcpOutput(t);
  t.sndWnd = saved;
  armTimer(t);
}

/** Every connection's timers (the timer interrupt, through netTick). */
export function tcpTick(): void {
  for (let i: i32 = 0; i < TCP_SLOTS; i++) {
    const t = tcbAt(i);
    if (t === null) continue;
    if (t.rtxAt != 0 && netNow >= t.rtxAt) expire(t);
    if (t.lingerUntil != 0 && netNow >= t.lingerUntil) {
      if (t.state == St.TimeWait) tcbFree(t);
      else if (t.owner == 0) { tcpSendRst(t); tcbClose(t, 0); }
    }
  }
}
