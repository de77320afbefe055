// The interfaces and the routing decision. Two exist: the loopback
// interface (127.0.0.0/8, always up) and one Ethernet interface, which is
// up once a NIC driver has registered its transmit function and an address
// is set (DHCP or the static fallback). The clock the stack runs on is
// here too: `netNow`, milliseconds, advanced by netTick (timers.ts).

export const LOOPBACK_ADDR: u32 = 0x7f00_0001; // 127.0.0.1
const LOOPBACK_NET: u32 = 0x7f00_0000;
const LOOPBACK_MASK: u32 = 0xff00_0000;

/** The Ethernet interface's configuration; addr 0 means "not configured". */
export class EthIf {
  addr: u32 = 0;
  mask: u32 = 0;
  gateway: u32 = 0;
  /** The MAC address in the low 48 bits, first byte highest. */
  mac: u64 = 0;
  /** Sends a finished frame (pktLen bytes); the driver frees the packet. Null: no NIC. */
  transmit: ((p: i32) => void) | null = null;
}

export const eth = new EthIf();

/** Milliseconds since the stack started: every timeout is measured against it. */
export let netNow: u64 = 0;

export function netSetNow(ms: u64): void {
  netNow = ms;
}

/** Whether `a` is one of this host's addresses (loopback's network, or the Ethernet address). */
export function isLocalAddr(a: u32): bool {
  return (a & LOOPBACK_MASK) == LOOPBACK_NET || (eth.addr != 0 && a == eth.addr);
}

/** Whether `a` is a broadcast address for the Ethernet interface. */
export function isBroadcast(a: u32): bool {
  return a == 0xffff_ffff || (eth.addr != 0 && eth.mask != 0xffff_ffff && a == (eth.addr | ~eth.mask));
}

/** The source address for packets to `dst`: 127.0.0.1 on loopback, else the Ethernet address (0 if none). */
export function sourceFor(dst: u32): u32 {
  if ((dst & LOOPBACK_MASK) == LOOPBACK_NET) return LOOPBACK_ADDR;
  if (eth.addr != 0 && dst == eth.addr) return eth.addr;
  return eth.addr;
}

/** Whether the Ethernet interface can send (a driver and an address). */
export function ethUp(): bool {
  return eth.transmit !== null;
}

/** The next hop for `dst` on Ethernet: itself on the local subnet or broadcast, else the gateway (0: none). */
export function nextHop(dst: u32): u32 {
  if (dst == 0xffff_ffff || (dst & eth.mask) == (eth.addr & eth.mask)) return dst;
  return eth.gateway;
}
