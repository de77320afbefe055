// ICMP (RFC 792): echo requests are answered with an echo reply carrying
// the same identifier, sequence and data; echo replies go to the ping
// socket their identifier names (udp.ts, Linux's SOCK_DGRAM with
// IPPROTO_ICMP); everything else is counted and dropped. The view checks
// the length and the checksum before reading a field.
import { checksumOf, putBe16, sumWords } from './bytes';
import { Net, netCount } from './counters';
import { isBroadcast, sourceFor } from './iface';
import { IP_HLEN, PROTO_ICMP, ipOutput, rx } from './ipv4';
import { getBe16 } from './bytes';
import { ETH_HLEN, pktAlloc, pktData, pktFree } from './pktbuf';
import { udpDeliverEcho } from './udp';

export const ICMP_ECHO_REPLY: u8 = 0;
export const ICMP_ECHO_REQUEST: u8 = 8;
const ICMP_HLEN: i32 = 8;

/** A received ICMP message in `p` (rx describes it). */
export function icmpInput(p: i32): void {
  const a = rx.payload;
  const len = rx.len;
  if (len < ICMP_HLEN || checksumOf(sumWords(0, a, usize(len))) != 0) {
    netCount(Net.IcmpBad);
    pktFree(p);
    return;
  }
  const type = load<u8>(a);
  if (type == ICMP_ECHO_REQUEST && load<u8>(a + 1) == 0) {
    echoReply(p, a, len);
    return;
  }
  if (type == ICMP_ECHO_REPLY && load<u8>(a + 1) == 0) {
    if (udpDeliverEcho(p, getBe16(a + 4))) return;
    netCount(Net.IcmpNoSocket);
  } else netCount(Net.IcmpBad);
  pktFree(p);
}

/** Sends the echo request of `n` bytes at kernel address `msg` (its identifier set, checksum filled here) to `dst`. */
export function icmpSendEcho(dst: u32, id: u16, msg: usize, n: i32): i32 {
  const p = pktAlloc();
  if (p < 0) { netCount(Net.PoolEmpty); return -1; }
  const at = pktData(p) + usize(ETH_HLEN + IP_HLEN);
  memcpy(at, msg, usize(n));
  putBe16(at + 2, 0);
  putBe16(at + 4, id);
  putBe16(at + 2, checksumOf(sumWords(0, at, usize(n))));
  return ipOutput(p, sourceFor(dst), dst, PROTO_ICMP, n);
}

/** Turns the request in `p` into its reply, in place, and sends it back. */
function echoReply(p: i32, a: usize, len: i32): void {
  const to = rx.src;
  const from = rx.dst;
  // The payload moves down to where ipOutput expects it when the request had IP options.
  const at = pktData(p) + usize(ETH_HLEN + IP_HLEN);
  for (let i: usize = 0; a != at && i < usize(len); i++) store<u8>(at + i, load<u8>(a + i));
  store<u8>(at, ICMP_ECHO_REPLY);
  putBe16(at + 2, 0);
  putBe16(at + 2, checksumOf(sumWords(0, at, usize(len))));
  ipOutput(p, isBroadcast(from) ? sourceFor(to) : from, to, PROTO_ICMP, len);
}
