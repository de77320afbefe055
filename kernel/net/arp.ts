// ARP (RFC 826) for IPv4 over Ethernet: a checked view of received ARP
// packets, answers to requests for our address, and a cache of ARP_SLOTS
// entries. A packet to an unresolved next hop waits in its entry (at most
// ARP_PENDING of them) while requests go out every ARP_RETRY_MS, up to
// ARP_TRIES times; then the waiting packets are dropped and counted.
// Resolved entries expire after ARP_TTL_MS. arpTick runs the timers.
import { getBe16, getBe32, putBe16, putBe32 } from './bytes';
import { Net, netCount } from './counters';
import { BROADCAST_MAC, ETHERTYPE_ARP, ETHERTYPE_IPV4, ethSend, getMac, putMac } from './ethernet';
import { eth, netNow } from './iface';
import { ETH_HLEN, PktQueue, pktAlloc, pktData, pktFree } from './pktbuf';

const ARP_LEN: i32 = 28;
const ARP_SLOTS: i32 = 16;
const ARP_PENDING: i32 = 4;
const ARP_RETRY_MS: u64 = 1000;
const ARP_TRIES: i32 = 3;
const ARP_TTL_MS: u64 = 60_000;
const OP_REQUEST: u16 = 1;
const OP_REPLY: u16 = 2;

class ArpEntry {
  ip: u32 = 0;
  mac: u64 = 0;
  resolved = false;
  /** When a resolved entry expires, or when an unresolved one sends its next request. */
  deadline: u64 = 0;
  tries: i32 = 0;
  readonly waiting = new PktQueue();
}

const cache = new Array<ArpEntry>(16);
for (let i: i32 = 0; i < ARP_SLOTS; i++) cache[i] = new ArpEntry();

function find(ip: u32): ArpEntry | null {
  for (let i: i32 = 0; i < ARP_SLOTS; i++) if (cache[i].ip == ip && ip != 0) return cache[i];
  return null;
}

/** A free entry, or the one expiring first (its waiting packets dropped). */
function claim(ip: u32): ArpEntry {
  let pick = cache[0];
  for (let i: i32 = 0; i < ARP_SLOTS; i++) {
    const e = cache[i];
    if (e.ip == 0) { pick = e; break; }
    if (e.deadline < pick.deadline) pick = e;
  }
  forget(pick);
  pick.ip = ip;
  return pick;
}

function forget(e: ArpEntry): void {
  while (e.waiting.count > 0) {
    netCount(Net.ArpUnresolved);
    pktFree(e.waiting.pop());
  }
  e.ip = 0;
  e.mac = 0;
  e.resolved = false;
  e.tries = 0;
  e.deadline = 0;
}

/** Sends an ARP packet (`op`) to `mac`, asking about or telling `targetIp`. */
function arpSend(op: u16, mac: u64, targetMac: u64, targetIp: u32): void {
  const p = pktAlloc();
  if (p < 0) { netCount(Net.PoolEmpty); return; }
  const a = pktData(p) + usize(ETH_HLEN);
  putBe16(a, 1); // Ethernet
  putBe16(a + 2, ETHERTYPE_IPV4);
  store<u8>(a + 4, 6);
  store<u8>(a + 5, 4);
  putBe16(a + 6, op);
  putMac(a + 8, eth.mac);
  putBe32(a + 14, eth.addr);
  putMac(a + 18, targetMac);
  putBe32(a + 24, targetIp);
  ethSend(p, mac, ETHERTYPE_ARP, ARP_LEN);
}

/** A received ARP packet of `len` bytes after the Ethernet header: learn the sender, answer requests for us. */
export function arpInput(p: i32, len: i32): void {
  const a = pktData(p) + usize(ETH_HLEN);
  if (len < ARP_LEN || getBe16(a) != 1 || getBe16(a + 2) != ETHERTYPE_IPV4 || load<u8>(a + 4) != 6 || load<u8>(a + 5) != 4) {
    netCount(Net.ArpBad);
    pktFree(p);
    return;
  }
  const op = getBe16(a + 6);
  const senderMac = getMac(a + 8);
  const senderIp = getBe32(a + 14);
  const targetIp = getBe32(a + 24);
  pktFree(p);
  if ((op != OP_REQUEST && op != OP_REPLY) || senderIp == 0 || senderMac == BROADCAST_MAC || ((senderMac >> 40) & 1) != 0) {
    netCount(Net.ArpBad);
    return;
  }
  const known = find(senderIp);
  if (known !== null || (eth.addr != 0 && targetIp == eth.addr)) learn(known ?? claim(senderIp), senderMac);
  if (op == OP_REQUEST && eth.addr != 0 && targetIp == eth.addr) arpSend(OP_REPLY, senderMac, senderMac, senderIp);
}

/** Records `mac` for the entry's address and sends what waited for it. */
function learn(e: ArpEntry, mac: u64): void {
  e.mac = mac;
  e.resolved = true;
  e.tries = 0;
  e.deadline = netNow + ARP_TTL_MS;
  for (let q = e.waiting.pop(); q >= 0; q = e.waiting.pop()) {
    const len = i32(getBe16(pktData(q) + usize(ETH_HLEN) + 2));
    ethSend(q, mac, ETHERTYPE_IPV4, len);
  }
}

/** Sends IPv4 packet `p` (`len` bytes from ETH_HLEN) to next hop `hop`, resolving it first if needed. */
export function arpOutput(p: i32, hop: u32, len: i32): void {
  if (hop == 0xffff_ffff) { ethSend(p, BROADCAST_MAC, ETHERTYPE_IPV4, len); return; }
  let e = find(hop);
  if (e !== null && e.resolved) { ethSend(p, e.mac, ETHERTYPE_IPV4, len); return; }
  if (e === null) {
    e = claim(hop);
    e.tries = 1;
    e.deadline = netNow + ARP_RETRY_MS;
    arpSend(OP_REQUEST, BROADCAST_MAC, 0, hop);
  }
  if (e.waiting.count >= ARP_PENDING) {
    netCount(Net.ArpUnresolved);
    pktFree(p);
    return;
  }
  e.waiting.push(p);
}

/** The timers: requests again for unresolved entries, gives up after ARP_TRIES, expires old ones. */
export function arpTick(): void {
  for (let i: i32 = 0; i < ARP_SLOTS; i++) {
    const e = cache[i];
    if (e.ip == 0 || netNow < e.deadline) continue;
    if (e.resolved || e.tries >= ARP_TRIES) { forget(e); continue; }
    e.tries++;
    e.deadline = netNow + ARP_RETRY_MS;
    arpSend(OP_REQUEST, BROADCAST_MAC, 0, e.ip);
  }
}

/** The cached MAC of `ip`, or 0 if it is not resolved. */
export function arpLookup(ip: u32): u64 {
  const e = find(ip);
  return e !== null && e.resolved ? e.mac : 0;
}
