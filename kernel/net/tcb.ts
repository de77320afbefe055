// The TCP connection block (RFC 9293 §3.3.1) and the table that holds every
// one of them (at most TCP_SLOTS, which with the fixed buffers bounds TCP's
// memory in total: each connection has a TCP_BUF-byte send ring and
// receive ring, freed as soon as it no longer needs them). tcp.ts moves a
// block through its states on input, tcpout.ts sends and runs its timers.
import { Net, netCount } from './counters';
import { Endpoint, wakeOwner } from './endpoint';

export const enum St {
  Closed = 0, Listen, SynSent, SynRcvd, Established, FinWait1, FinWait2, CloseWait, Closing, LastAck, TimeWait,
}

/** Bytes in each of a connection's two rings. */
export const TCP_BUF: u32 = 16384;
/** Connections of every state, listeners included. */
export const TCP_SLOTS: i32 = 64;
/** The MSS we announce and use at most: an Ethernet MTU less the IP and TCP headers. */
export const TCP_MSS: u16 = 1460;
/** The largest listen backlog. */
export const TCP_MAX_BACKLOG: i32 = 32;

export class Tcb extends Endpoint {
  state: i32 = St.Closed;
  // Sending: bytes [sndUna, sndUna + sendLen) are in `sendRing` from sendStart.
  iss: u32 = 0;
  sndUna: u32 = 0;
  sndNxt: u32 = 0;
  /** The peer's window, and the segment that set it (RFC 9293's SND.WL1, SND.WL2). */
  sndWnd: u32 = 0;
  sndWl1: u32 = 0;
  sndWl2: u32 = 0;
  /** The peer's MSS (536 when it gives none). */
  mss: u32 = 536;
  sendRing: Uint8Array | null = null;
  sendStart: u32 = 0;
  sendLen: u32 = 0;
  /** The user shut the sending side: a FIN follows the data. */
  finQueued = false;
  finSent = false;
  // Receiving: `recvLen` bytes from recvStart in `recvRing`, up to rcvNxt.
  irs: u32 = 0;
  rcvNxt: u32 = 0;
  recvRing: Uint8Array | null = null;
  recvStart: u32 = 0;
  recvLen: u32 = 0;
  /** The window last announced, to tell when reading opened it enough to say so. */
  announced: u32 = 0;
  finReceived = false;
  // Round-trip time and retransmission (RFC 6298), all in milliseconds.
  srtt: u64 = 0;
  rttvar: u64 = 0;
  rto: u64 = 1000;
  /** The segment being timed (its sequence number) and when it left; 0: none (Karn's rule). */
  rttSeq: u32 = 0;
  rttStart: u64 = 0;
  /** When the retransmission timer fires (0: stopped), and how often it has in a row. */
  rtxAt: u64 = 0;
  retries: i32 = 0;
  /** When TIME_WAIT (or an orphan's FIN_WAIT_2) ends. */
  lingerUntil: u64 = 0;
  /** A positive errno the next call gets (ECONNRESET, ECONNREFUSED, ETIMEDOUT). */
  error: i64 = 0;
  // Listening: connections being set up, and established ones waiting for accept.
  parent: Tcb | null = null;
  backlog: i32 = 0;
  pending: i32 = 0;
  acceptHead: Tcb | null = null;
  acceptNext: Tcb | null = null;
  queued: i32 = 0;
}

const table = new Array<Tcb | null>(64);

/**
 * A new block in the table (state Closed, no rings). When all TCP_SLOTS
 * are in use, the slot of the closed connection whose TIME_WAIT ends first
 * is taken back (one no fd holds: it only waits out its timer), as Linux
 * ends TIME_WAIT early when its tcp_max_tw_buckets are all in use; null
 * when there is none.
 */
export function tcbNew(): Tcb | null {
  let oldest: i32 = -1;
  for (let i: i32 = 0; i < TCP_SLOTS; i++) {
    const t = table[i];
    if (t === null) return (table[i] = new Tcb());
    if (t.state == St.TimeWait && t.owner == 0 && t.parent === null && (oldest < 0 || t.lingerUntil < table[oldest]!.lingerUntil)) oldest = i;
  }
  if (oldest < 0) return null;
  netCount(Net.TcpTimeWaitReused);
  tcbFree(table[oldest]!);
  return (table[oldest] = new Tcb());
}

/** The block in slot `i`, or null. */
export function tcbAt(i: i32): Tcb | null {
  return table[i];
}

/** Gives the block its two rings; false when memory is short. */
export function tcbRings(t: Tcb): bool {
  if (t.sendRing === null) t.sendRing = new Uint8Array(16384);
  if (t.recvRing === null) t.recvRing = new Uint8Array(16384);
  return true;
}

/** Frees the rings (the connection will move no more data). */
export function tcbDropRings(t: Tcb): void {
  if (t.sendRing !== null) free(t.sendRing!);
  if (t.recvRing !== null) free(t.recvRing!);
  t.sendRing = null;
  t.recvRing = null;
  t.sendLen = 0;
  t.recvLen = 0;
}

/** Takes the block out of the table and frees it. */
export function tcbFree(t: Tcb): void {
  for (let i: i32 = 0; i < TCP_SLOTS; i++) if (table[i] === t) table[i] = null;
  tcbDropRings(t);
  free(t);
}

/** Ends the connection with errno `err` (0: quietly): state Closed, its owner woken; an orphan is freed. */
export function tcbClose(t: Tcb, err: i64): void {
  t.state = St.Closed;
  t.rtxAt = 0;
  if (err != 0) t.error = err;
  tcbDropRings(t);
  if (t.owner == 0 && t.parent === null) tcbFree(t);
  else wakeOwner(t);
}

/** The number of blocks in use (tests check that closing gives them back). */
export function tcbCount(): i32 {
  let n: i32 = 0;
  for (let i: i32 = 0; i < TCP_SLOTS; i++) if (table[i] !== null) n++;
  return n;
}

/** Whether `port` may not be bound again: some block holds it, unless it is in TIME_WAIT and both it and the binder have SO_REUSEADDR (as Linux). */
export function tcpPortTaken(port: u16, reuse: bool): bool {
  for (let i: i32 = 0; i < TCP_SLOTS; i++) {
    const t = table[i];
    if (t === null || t.localPort != port) continue;
    if (!(reuse && t.reuseAddr && t.state == St.TimeWait)) return true;
  }
  return false;
}

/** The connection for a segment from `src`:`sport` to `dst`:`dport`: an exact match first, else a listener. */
export function tcbLookup(dst: u32, dport: u16, src: u32, sport: u16): Tcb | null {
  let listener: Tcb | null = null;
  for (let i: i32 = 0; i < TCP_SLOTS; i++) {
    const t = table[i];
    if (t === null || t.localPort != dport || t.state == St.Closed) continue;
    if (t.state == St.Listen) {
      if (t.localAddr == 0 || t.localAddr == dst) listener = t;
      continue;
    }
    if (t.remotePort == sport && t.remoteAddr == src && (t.localAddr == dst || t.localAddr == 0)) return t;
  }
  return listener;
}
