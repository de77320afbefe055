// UDP (RFC 768): a checked view of received datagrams (length field within
// the IP payload, checksum with the pseudo header when it is not zero),
// delivery to the bound endpoint's queue (at most UDP_QUEUE datagrams, the
// rest counted as queue-full drops), and the output path. Endpoints live
// in a table of UDP_SLOTS; a datagram for no endpoint is counted.
import { checksumOf, getBe16, pseudoSum, putBe16, sumWords } from './bytes';
import { Net, netCount } from './counters';
import { Endpoint, ephemeralPort, wakeOwner } from './endpoint';
import { sourceFor } from './iface';
import { IP_HLEN, PROTO_UDP, ipOutput, rx } from './ipv4';
import { ETH_HLEN, IP_MTU, PktQueue, pktAlloc, pktData, pktFree } from './pktbuf';

export const UDP_HLEN: i32 = 8;
/** The largest payload one datagram carries (no fragmentation). */
export const UDP_MAX_PAYLOAD: i32 = IP_MTU - IP_HLEN - UDP_HLEN;
const UDP_SLOTS: i32 = 32;
const UDP_QUEUE: i32 = 32;

export class UdpPcb extends Endpoint {
  readonly rxq = new PktQueue();
  /** An ICMP echo endpoint (a ping socket): its port is the echo identifier. */
  icmp = false;
}

const table = new Array<UdpPcb | null>(32);

/** A new endpoint in the table, or null when it is full. */
export function udpOpen(): UdpPcb | null {
  for (let i: i32 = 0; i < UDP_SLOTS; i++) {
    if (table[i] === null) {
      const u = new UdpPcb();
      table[i] = u;
      return u;
    }
  }
  return null;
}

/** Takes the endpoint out of the table and frees it with its queued datagrams. */
export function udpClose(u: UdpPcb): void {
  for (let i: i32 = 0; i < UDP_SLOTS; i++) if (table[i] === u) table[i] = null;
  u.rxq.clear();
  free(u.rxq);
  free(u);
}

export function udpPortTaken(port: u16): bool {
  for (let i: i32 = 0; i < UDP_SLOTS; i++) {
    const u = table[i];
    if (u !== null && u.localPort == port) return true;
  }
  return false;
}

/** Gives `u` an ephemeral port if it has none; false when none is free. */
export function udpAutobind(u: UdpPcb): bool {
  if (u.localPort != 0) return true;
  u.localPort = ephemeralPort(udpPortTaken);
  return u.localPort != 0;
}

function lookup(dst: u32, port: u16, src: u32, srcPort: u16): UdpPcb | null {
  for (let i: i32 = 0; i < UDP_SLOTS; i++) {
    const u = table[i];
    if (u === null || u.icmp || u.localPort != port) continue;
    if (u.localAddr != 0 && u.localAddr != dst) continue;
    if (u.remotePort != 0 && (u.remoteAddr != src || u.remotePort != srcPort)) continue;
    return u;
  }
  return null;
}

/** A received datagram in `p` (rx describes the IP payload). */
export function udpInput(p: i32): void {
  const a = rx.payload;
  const ulen = rx.len >= UDP_HLEN ? i32(getBe16(a + 4)) : 0;
  if (ulen < UDP_HLEN || ulen > rx.len ||
    (getBe16(a + 6) != 0 && checksumOf(sumWords(pseudoSum(rx.src, rx.dst, PROTO_UDP, u32(ulen)), a, usize(ulen))) != 0)) {
    netCount(Net.UdpBad);
    pktFree(p);
    return;
  }
  const u = lookup(rx.dst, getBe16(a + 2), rx.src, getBe16(a));
  if (u === null) {
    netCount(Net.UdpNoSocket);
    pktFree(p);
    return;
  }
  if (u.rxq.count >= UDP_QUEUE) {
    netCount(Net.UdpQueueFull);
    pktFree(p);
    return;
  }
  u.rxq.push(p);
  wakeOwner(u);
}

/** Queues the echo reply in `p` for the ping socket whose identifier is `id`; false (not taken) when there is none or it is full. */
export function udpDeliverEcho(p: i32, id: u16): bool {
  for (let i: i32 = 0; i < UDP_SLOTS; i++) {
    const u = table[i];
    if (u === null || !u.icmp || u.localPort != id || u.rxq.count >= UDP_QUEUE) continue;
    u.rxq.push(p);
    wakeOwner(u);
    return true;
  }
  return false;
}

/** Where a queued datagram's UDP header (or a ping reply's ICMP header) is (its IP header was checked on the way in). */
export function udpHeaderOf(p: i32): usize {
  const ip = pktData(p) + usize(ETH_HLEN);
  return ip + usize(load<u8>(ip) & 15) * 4;
}

/** Sends the `n` bytes at kernel address `src` from `u` to `dst`:`port`: 0, or -1 without a buffer, IP_NO_ROUTE without a route. */
export function udpSend(u: UdpPcb, dst: u32, port: u16, src: usize, n: i32): i32 {
  const p = pktAlloc();
  if (p < 0) { netCount(Net.PoolEmpty); return -1; }
  const a = pktData(p) + usize(ETH_HLEN + IP_HLEN);
  const from = u.localAddr != 0 ? u.localAddr : sourceFor(dst);
  putBe16(a, u.localPort);
  putBe16(a + 2, port);
  putBe16(a + 4, u16(UDP_HLEN + n));
  putBe16(a + 6, 0);
  memcpy(a + usize(UDP_HLEN), src, usize(n));
  let sum = checksumOf(sumWords(pseudoSum(from, dst, PROTO_UDP, u32(UDP_HLEN + n)), a, usize(UDP_HLEN + n)));
  if (sum == 0) sum = 0xffff;
  putBe16(a + 6, sum);
  return ipOutput(p, from, dst, PROTO_UDP, UDP_HLEN + n);
}
