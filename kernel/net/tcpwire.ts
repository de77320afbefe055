// TCP segments on the wire (RFC 793, RFC 9293): the checked view of a
// received segment (header length within the IP payload, checksum with the
// pseudo header, the MSS option read only when its length is right),
// sequence-number comparisons modulo 2^32, and the segment writer.
import { checksumOf, getBe16, getBe32, pseudoSum, putBe16, putBe32, sumWords } from './bytes';
import { Net, netCount } from './counters';
import { IP_HLEN, PROTO_TCP, ipOutput, rx } from './ipv4';
import { ETH_HLEN, pktAlloc, pktData } from './pktbuf';

export const TCP_HLEN: i32 = 20;
export const FIN: u8 = 0x01;
export const SYN: u8 = 0x02;
export const RST: u8 = 0x04;
export const PSH: u8 = 0x08;
export const ACK: u8 = 0x10;

/** Sequence numbers compared modulo 2^32: a < b when b is less than 2^31 ahead. */
export function seqLt(a: u32, b: u32): bool {
  return i32(a - b) < 0;
}

export function seqLe(a: u32, b: u32): bool {
  return i32(a - b) <= 0;
}

/** The fields of the segment being processed (valid while tcpInput runs). */
export class TcpSeg {
  srcPort: u16 = 0;
  dstPort: u16 = 0;
  seq: u32 = 0;
  ack: u32 = 0;
  flags: u8 = 0;
  window: u16 = 0;
  /** The MSS option, or 0 when the segment has none. */
  mss: u16 = 0;
  data: usize = 0;
  len: i32 = 0;
}
export const seg = new TcpSeg();

/** Checks the TCP segment rx describes and fills `seg`; false (counted) when it is malformed. */
export function tcpCheck(): bool {
  const a = rx.payload;
  const len = rx.len;
  const off = len >= TCP_HLEN ? i32(load<u8>(a + 12) >> 4) * 4 : 0;
  if (off < TCP_HLEN || off > len || checksumOf(sumWords(pseudoSum(rx.src, rx.dst, PROTO_TCP, u32(len)), a, usize(len))) != 0) {
    netCount(Net.TcpBad);
    return false;
  }
  seg.srcPort = getBe16(a);
  seg.dstPort = getBe16(a + 2);
  seg.seq = getBe32(a + 4);
  seg.ack = getBe32(a + 8);
  seg.flags = load<u8>(a + 13) & 0x3f;
  seg.window = getBe16(a + 14);
  seg.data = a + usize(off);
  seg.len = len - off;
  seg.mss = 0;
  let i: i32 = TCP_HLEN;
  while (i < off) { // options: end, no-op, and kind-length-value ones whose length must fit
    const kind = load<u8>(a + usize(i));
    if (kind == 0) break;
    if (kind == 1) { i++; continue; }
    if (i + 1 >= off) break;
    const olen = i32(load<u8>(a + usize(i) + 1));
    if (olen < 2 || i + olen > off) break;
    if (kind == 2 && olen == 4) seg.mss = getBe16(a + usize(i) + 2);
    i += olen;
  }
  return true;
}

/** Where a segment's payload goes in a packet buffer (after room for its headers and an MSS option). */
export function tcpPayloadAt(p: i32, withMss: bool): usize {
  return pktData(p) + usize(ETH_HLEN + IP_HLEN + TCP_HLEN + (withMss ? 4 : 0));
}

/**
 * Sends a segment in packet `p` (payload of `n` bytes already at
 * tcpPayloadAt(p, mss != 0)): from `src`:`sport` to `dst`:`dport`.
 */
export function tcpEmit(p: i32, src: u32, sport: u16, dst: u32, dport: u16, seqNo: u32, ackNo: u32, flags: u8, window: u16, mss: u16, n: i32): i32 {
  const a = pktData(p) + usize(ETH_HLEN + IP_HLEN);
  const hlen = TCP_HLEN + (mss != 0 ? 4 : 0);
  putBe16(a, sport);
  putBe16(a + 2, dport);
  putBe32(a + 4, seqNo);
  putBe32(a + 8, ackNo);
  store<u8>(a + 12, u8(hlen / 4) << 4);
  store<u8>(a + 13, flags);
  putBe16(a + 14, window);
  putBe16(a + 16, 0);
  putBe16(a + 18, 0);
  if (mss != 0) {
    store<u8>(a + 20, 2);
    store<u8>(a + 21, 4);
    putBe16(a + 22, mss);
  }
  const total = hlen + n;
  putBe16(a + 16, checksumOf(sumWords(pseudoSum(src, dst, PROTO_TCP, u32(total)), a, usize(total))));
  return ipOutput(p, src, dst, PROTO_TCP, total);
}

/** Sends a reset answering the segment in `seg` (from the addresses in rx), as RFC 793 says. */
export function tcpSendReset(): void {
  if ((seg.flags & RST) != 0) return;
  const p = pktAlloc();
  if (p < 0) { netCount(Net.PoolEmpty); return; }
  netCount(Net.TcpResets);
  if ((seg.flags & ACK) != 0) tcpEmit(p, rx.dst, seg.dstPort, rx.src, seg.srcPort, seg.ack, 0, RST, 0, 0, 0);
  else {
    const used = u32(seg.len) + ((seg.flags & SYN) != 0 ? 1 : 0) + ((seg.flags & FIN) != 0 ? 1 : 0);
    tcpEmit(p, rx.dst, seg.dstPort, rx.src, seg.srcPort, 0, seg.seq + used, RST | ACK, 0, 0, 0);
  }
}
