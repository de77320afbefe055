// IPv4 (RFC 791): a checked view of received packets and the output path.
// Input checks, in order, each failure counted under its own reason: the
// header fits (version 4, IHL ≥ 5, total length within what arrived), the
// header checksum, no fragment (MF set or an offset: dropped, counted),
// a TTL above zero, a destination that is ours (or broadcast), a protocol
// we speak (ICMP, UDP, TCP). Output fills the header and routes: local
// addresses go through the loopback queue, the rest to Ethernet via ARP.
import { arpOutput } from './arp';
import { checksumOf, getBe16, getBe32, putBe16, putBe32, sumWords } from './bytes';
import { Net, netCount } from './counters';
import { icmpInput } from './icmp';
import { eth, ethUp, isBroadcast, isLocalAddr, nextHop } from './iface';
import { loopbackSend } from './loopback';
import { ETH_HLEN, IP_MTU, pktData, pktFree } from './pktbuf';
import { tcpInput } from './tcp';
import { udpInput } from './udp';

export const IP_HLEN: i32 = 20;
export const PROTO_ICMP: u8 = 1;
export const PROTO_TCP: u8 = 6;
export const PROTO_UDP: u8 = 17;
const DEFAULT_TTL: u8 = 64;

/** Results of ipOutput besides 0. */
export const IP_NO_ROUTE: i32 = -1;

let ident: u16 = 1;

/** The fields of the packet being delivered, valid while its protocol's input runs. */
export class IpInfo {
  src: u32 = 0;
  dst: u32 = 0;
  /** The payload's address and length (after the header, within the total length). */
  payload: usize = 0;
  len: i32 = 0;
}
export const rx = new IpInfo();

/** Why the IPv4 packet at `a` (`len` bytes arrived) is unacceptable, or -1 if it is fine; fills `rx`. */
export function ipCheck(a: usize, len: i32): i32 {
  if (len < IP_HLEN) return Net.IpBad;
  const vihl = load<u8>(a);
  const hlen = i32(vihl & 15) * 4;
  const total = i32(getBe16(a + 2));
  if ((vihl >> 4) != 4 || hlen < IP_HLEN || total < hlen || total > len) return Net.IpBad;
  if (checksumOf(sumWords(0, a, usize(hlen))) != 0) return Net.IpChecksum;
  if ((getBe16(a + 6) & 0x3fff) != 0) return Net.IpFragment; // MF or a fragment offset
  if (load<u8>(a + 8) == 0) return Net.IpTtl;
  rx.src = getBe32(a + 12);
  rx.dst = getBe32(a + 16);
  if (!isLocalAddr(rx.dst) && !isBroadcast(rx.dst) && !(eth.addr == 0 && ethUp())) return Net.IpNotOurs;
  rx.payload = a + usize(hlen);
  rx.len = total - hlen;
  return -1;
}

/** An IPv4 packet in `p` (`len` bytes from ETH_HLEN): checked and delivered to its protocol, or counted and freed. */
export function ipInput(p: i32, len: i32): void {
  const a = pktData(p) + usize(ETH_HLEN);
  const bad = ipCheck(a, len);
  if (bad >= 0) {
    netCount(bad);
    pktFree(p);
    return;
  }
  netCount(Net.IpIn);
  const proto = load<u8>(a + 9);
  if (proto == PROTO_UDP) udpInput(p);
  else if (proto == PROTO_TCP) tcpInput(p);
  else if (proto == PROTO_ICMP) icmpInput(p);
  else {
    netCount(Net.IpProto);
    pktFree(p);
  }
}

/**
 * Sends packet `p` whose payload (`len` bytes) is already at ETH_HLEN +
 * IP_HLEN: fills the IP header (from `src` to `dst`, `proto`) and routes it.
 * Takes the packet in every case; IP_NO_ROUTE when nothing could carry it.
 */
export function ipOutput(p: i32, src: u32, dst: u32, proto: u8, len: i32): i32 {
  const total = IP_HLEN + len;
  assert(total <= IP_MTU, 'ipOutput: packet larger than the MTU');
  const a = pktData(p) + usize(ETH_HLEN);
  store<u8>(a, 0x45);
  store<u8>(a + 1, 0);
  putBe16(a + 2, u16(total));
  putBe16(a + 4, ident++);
  putBe16(a + 6, 0x4000); // don't fragment
  store<u8>(a + 8, DEFAULT_TTL);
  store<u8>(a + 9, proto);
  putBe16(a + 10, 0);
  putBe32(a + 12, src);
  putBe32(a + 16, dst);
  putBe16(a + 10, checksumOf(sumWords(0, a, usize(IP_HLEN))));
  netCount(Net.IpOut);
  if (isLocalAddr(dst)) {
    loopbackSend(p, total);
    return 0;
  }
  const hop = ethUp() ? nextHop(dst) : 0;
  if (hop == 0) {
    pktFree(p);
    return IP_NO_ROUTE;
  }
  arpOutput(p, hop, total);
  return 0;
}
