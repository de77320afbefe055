// The DHCP client (RFC 2131): once a NIC is up, DISCOVER, take the first
// OFFER, REQUEST it, and on the ACK configure the Ethernet interface's
// address, netmask and gateway. Each message is retried every second, up
// to DHCP_TRIES times; if no server answers, the static fallback
// (QEMU's usual 10.0.2.15/24, gateway 10.0.2.2) is configured. Replies are
// read through a checked view: the fixed part, our transaction id and
// MAC, the magic cookie, and options whose lengths must fit the message.
import { consoleWrite, consoleWriteUint } from '../console/console';
import { getBe16, getBe32, putBe16, putBe32 } from './bytes';
import { eth, ethUp, netNow } from './iface';
import { pktFree } from './pktbuf';
import { UDP_HLEN, UdpPcb, udpClose, udpHeaderOf, udpOpen, udpSend } from './udp';
import { putMac } from './ethernet';

const CLIENT_PORT: u16 = 68;
const SERVER_PORT: u16 = 67;
const DHCP_TRIES: i32 = 4;
const RETRY_MS: u64 = 1000;
const MAGIC: u32 = 0x6382_5363;
const FIXED: i32 = 236; // op … file, before the cookie
const DISCOVER: u8 = 1;
const OFFER: u8 = 2;
const REQUEST: u8 = 3;
const ACK: u8 = 5;
const NAK: u8 = 6;
export const STATIC_ADDR: u32 = 0x0a00_020f; // 10.0.2.15
export const STATIC_MASK: u32 = 0xffff_ff00;
export const STATIC_GATEWAY: u32 = 0x0a00_0202; // 10.0.2.2

const enum Phase { Idle = 0, Selecting, Requesting, Bound }

let phase: i32 = Phase.Idle;
let pcb: UdpPcb | null = null;
let xid: u32 = 0;
let tries: i32 = 0;
let deadline: u64 = 0;
let offered: u32 = 0;
let server: u32 = 0;
const msg = new Uint8Array(300);

function send(type: u8): void {
  const a = changetype<usize>(msg) + 8;
  memset(a, 0, 300);
  store<u8>(a, 1); // BOOTREQUEST
  store<u8>(a + 1, 1); // Ethernet
  store<u8>(a + 2, 6);
  putBe32(a + 4, xid);
  putBe16(a + 10, 0x8000); // answer by broadcast: we have no address yet
  putMac(a + 28, eth.mac);
  putBe32(a + usize(FIXED), MAGIC);
  let o = a + usize(FIXED) + 4;
  store<u8>(o, 53); store<u8>(o + 1, 1); store<u8>(o + 2, type); o += 3;
  if (type == REQUEST) {
    store<u8>(o, 50); store<u8>(o + 1, 4); putBe32(o + 2, offered); o += 6;
    store<u8>(o, 54); store<u8>(o + 1, 4); putBe32(o + 2, server); o += 6;
  }
  store<u8>(o, 55); store<u8>(o + 1, 2); store<u8>(o + 2, 1); store<u8>(o + 3, 3); o += 4; // ask for the mask and the router
  store<u8>(o, 255);
  udpSend(pcb!, 0xffff_ffff, SERVER_PORT, a, 300);
  deadline = netNow + RETRY_MS;
}

/** A reply's fields, filled by parse. */
let replyType: u8 = 0;
let replyAddr: u32 = 0;
let replyMask: u32 = 0;
let replyRouter: u32 = 0;
let replyServer: u32 = 0;

/** Reads the DHCP message of `len` bytes at `a`; false when it is not a reply to us. */
function parse(a: usize, len: i32): bool {
  if (len < FIXED + 4 || load<u8>(a) != 2 || getBe32(a + 4) != xid || getBe32(a + usize(FIXED)) != MAGIC) return false;
  let mac: u64 = 0;
  for (let i: usize = 0; i < 6; i++) mac = (mac << 8) | u64(load<u8>(a + 28 + i));
  if (mac != eth.mac) return false;
  replyAddr = getBe32(a + 16);
  replyType = 0;
  replyMask = 0;
  replyRouter = 0;
  replyServer = 0;
  let i: i32 = FIXED + 4;
  while (i < len) {
    const code = load<u8>(a + usize(i));
    if (code == 255) break;
    if (code == 0) { i++; continue; }
    if (i + 2 > len) return false;
    const olen = i32(load<u8>(a + usize(i) + 1));
    const v = a + usize(i) + 2;
    if (i + 2 + olen > len) return false;
    if (code == 53 && olen == 1) replyType = load<u8>(v);
    else if (code == 1 && olen == 4) replyMask = getBe32(v);
    else if (code == 3 && olen >= 4) replyRouter = getBe32(v);
    else if (code == 54 && olen == 4) replyServer = getBe32(v);
    i += 2 + olen;
  }
  return replyType != 0 && replyAddr != 0;
}

function configure(addr: u32, mask: u32, gateway: u32, how: string): void {
  eth.addr = addr;
  eth.mask = mask;
  eth.gateway = gateway;
  phase = Phase.Bound;
  udpClose(pcb!); // nothing more to hear on port 68
  pcb = null;
  consoleWrite('net: address ');
  writeAddr(addr);
  consoleWrite(' netmask ');
  writeAddr(mask);
  consoleWrite(' gateway ');
  writeAddr(gateway);
  consoleWrite(' (');
  consoleWrite(how);
  consoleWrite(')\n');
}

function writeAddr(a: u32): void {
  for (let i: i32 = 3; i >= 0; i--) {
    consoleWriteUint(u64((a >> u32(8 * i)) & 255));
    if (i > 0) consoleWrite('.');
  }
}

/** Takes the replies that arrived. */
function receive(): void {
  const u = pcb!;
  for (let p = u.rxq.pop(); p >= 0; p = u.rxq.pop()) {
    const h = udpHeaderOf(p);
    const ok = parse(h + usize(UDP_HLEN), i32(getBe16(h + 4)) - UDP_HLEN);
    pktFree(p);
    if (!ok) continue;
    if (phase == Phase.Selecting && replyType == OFFER) {
      offered = replyAddr;
      server = replyServer;
      phase = Phase.Requesting;
      tries = 1;
      send(REQUEST);
    } else if (phase == Phase.Requesting && replyType == ACK) {
      // QEMU's DHCP server names no router under restrict=on: its own gateway is the static one
      configure(replyAddr, replyMask != 0 ? replyMask : STATIC_MASK, replyRouter != 0 ? replyRouter : STATIC_GATEWAY, 'dhcp');
      return; // the endpoint is gone
    } else if (phase == Phase.Requesting && replyType == NAK) {
      phase = Phase.Idle;
    }
  }
}

/** The client's timer (netTick): starts when a NIC is up, retries, falls back to the static address. */
export function dhcpTick(): void {
  if (phase == Phase.Bound || !ethUp()) return;
  if (pcb === null) {
    pcb = udpOpen();
    if (pcb === null) return;
    pcb!.localPort = CLIENT_PORT;
  }
  receive();
  if (phase == Phase.Bound) return;
  if (phase == Phase.Idle) {
    xid = u32(eth.mac) ^ u32(netNow) ^ 0x7e57_0000;
    phase = Phase.Selecting;
    tries = 1;
    send(DISCOVER);
    return;
  }
  if (netNow < deadline) return;
  if (tries >= DHCP_TRIES) {
    configure(STATIC_ADDR, STATIC_MASK, STATIC_GATEWAY, 'the static fallback');
    return;
  }
  tries++;
  send(phase == Phase.Selecting ? DISCOVER : REQUEST);
}
