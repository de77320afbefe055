// ICMP (RFC 792): echo requests are answered with an echo reply carrying
// the same identifier, sequence and data; everything else is counted and
// dropped. The view checks the length and the checksum before reading a
// field.
import { checksumOf, putBe16, sumWords } from './bytes';
import { Net, netCount } from './counters';
import { isBroadcast, sourceFor } from './iface';
import { IP_HLEN, PROTO_ICMP, ipOutput, rx } from './ipv4';
import { ETH_HLEN, pktData, pktFree } from './pktbuf';

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
  netCount(Net.IcmpBad);
  pktFree(p);
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
