// Ethernet II frames: a checked view over a received frame (length at least
// the header, type IPv4 or ARP) and the header writer for frames we send.
// Frames reach ethInput from the NIC driver; the driver owns nothing after
// the call (the packet is freed or passed up).
import { arpInput } from './arp';
import { getBe16, putBe16 } from './bytes';
import { Net, netCount } from './counters';
import { eth } from './iface';
import { ipInput } from './ipv4';
import { ETH_HLEN, pktData, pktFree, pktLen } from './pktbuf';

export const ETHERTYPE_IPV4: u16 = 0x0800;
export const ETHERTYPE_ARP: u16 = 0x0806;
export const BROADCAST_MAC: u64 = 0xffff_ffff_ffff;

/** The 48-bit MAC at `a` (first byte highest). */
export function getMac(a: usize): u64 {
  let m: u64 = 0;
  for (let i: usize = 0; i < 6; i++) m = (m << 8) | u64(load<u8>(a + i));
  return m;
}

export function putMac(a: usize, m: u64): void {
  for (let i: usize = 0; i < 6; i++) store<u8>(a + i, u8(m >> (40 - 8 * i)));
}

/** A received frame in packet `p`: checked, then handed to ARP or IPv4, or counted and freed. */
export function ethInput(p: i32): void {
  netCount(Net.FramesIn);
  const len = pktLen[p];
  const a = pktData(p);
  if (len < ETH_HLEN || len > 1518) {
    netCount(Net.EthBad);
    pktFree(p);
    return;
  }
  const dst = getMac(a);
  if (dst != BROADCAST_MAC && dst != eth.mac) {
    netCount(Net.EthBad);
    pktFree(p);
    return;
  }
  const type = getBe16(a + 12);
  if (type == ETHERTYPE_IPV4) ipInput(p, len - ETH_HLEN);
  else if (type == ETHERTYPE_ARP) arpInput(p, len - ETH_HLEN);
  else {
    netCount(Net.EthType);
    pktFree(p);
  }
}

/** Fills packet `p`'s Ethernet header (to `dst`, from our MAC, `type`) and sends it; `len` counts the payload. */
export function ethSend(p: i32, dst: u64, type: u16, len: i32): void {
  const a = pktData(p);
  putMac(a, dst);
  putMac(a + 6, eth.mac);
  putBe16(a + 12, type);
  pktLen[p] = ETH_HLEN + len;
  netCount(Net.FramesOut);
  const tx = eth.transmit;
  if (tx === null) pktFree(p);
  else tx(p);
}
