// Ethernet frames for the frame fuzzer and its liveness probes: builders
// for ARP, IPv4 with ICMP, UDP and TCP (checksums right, so the frames get
// past the checks and into the code behind them), and a seeded generator
// of random and mutated frames. Addresses are the guest's own network
// inside QEMU (10.0.2.0/24); the frames only ever travel over a dgram
// netdev on 127.0.0.1.

export const GUEST_IP = [10, 0, 2, 15];
export const PEER_IP = [10, 0, 2, 99];
export const PEER_MAC = [0x02, 0, 0, 0, 0, 0x99];

function sum16(b: Buffer, start: number, end: number, init = 0): number {
  let s = init;
  for (let i = start; i < end; i += 2) s += (b[i]! << 8) | (i + 1 < end ? b[i + 1]! : 0);
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return s;
}

const csum = (b: Buffer, start: number, end: number, init = 0): number => ~sum16(b, start, end, init) & 0xffff;

export function ethernet(dst: number[], type: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(dst), Buffer.from(PEER_MAC), Buffer.from([type >> 8, type & 255]), payload]);
}

export function arp(op: number, targetIp: number[], senderIp = PEER_IP): Buffer {
  return Buffer.from([0, 1, 8, 0, 6, 4, 0, op, ...PEER_MAC, ...senderIp, 0, 0, 0, 0, 0, 0, ...targetIp]);
}

/** An IPv4 packet from `src` to `dst` with protocol `proto`; the transport checksum at `csumAt` (-1: none) over the pseudo header. */
export function ipv4(src: number[], dst: number[], proto: number, payload: Buffer, csumAt = -1): Buffer {
  const p = Buffer.from(payload);
  if (csumAt >= 0) {
    p.writeUInt16BE(0, csumAt);
    const pseudo = Buffer.from([...src, ...dst, 0, proto, p.length >> 8, p.length & 255]);
    p.writeUInt16BE(csum(p, 0, p.length, sum16(pseudo, 0, 12)), csumAt);
  }
  const h = Buffer.from([0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, proto, 0, 0, ...src, ...dst]);
  h.writeUInt16BE(20 + p.length, 2);
  h.writeUInt16BE(csum(h, 0, 20), 10);
  return Buffer.concat([h, p]);
}

export function icmpEcho(id: number, seq: number, data: Buffer): Buffer {
  const m = Buffer.concat([Buffer.from([8, 0, 0, 0, id >> 8, id & 255, seq >> 8, seq & 255]), data]);
  m.writeUInt16BE(csum(m, 0, m.length), 2);
  return m;
}

export function udp(sport: number, dport: number, data: Buffer): Buffer {
  const u = Buffer.concat([Buffer.alloc(8), data]);
  u.writeUInt16BE(sport, 0);
  u.writeUInt16BE(dport, 2);
  u.writeUInt16BE(u.length, 4);
  return u;
}

export function tcp(sport: number, dport: number, seq: number, ack: number, flags: number, options: Buffer, data: Buffer): Buffer {
  const pad = Buffer.alloc((4 - (options.length % 4)) % 4);
  const hlen = 20 + options.length + pad.length;
  const t = Buffer.concat([Buffer.alloc(20), options, pad, data]);
  t.writeUInt16BE(sport, 0);
  t.writeUInt16BE(dport, 2);
  t.writeUInt32BE(seq >>> 0, 4);
  t.writeUInt32BE(ack >>> 0, 8);
  t[12] = (hlen / 4) << 4;
  t[13] = flags;
  t.writeUInt16BE(65535, 14);
  return t;
}

/** The seeded fuzzer: frame `i` of a run, random or a valid frame of some layer with a few bytes changed. */
export function fuzzFrame(rand: () => number, guestMac: number[]): Buffer {
  const r = (n: number): number => Math.floor(rand() * n);
  const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => r(256)));
  const dstMac = r(4) === 0 ? [255, 255, 255, 255, 255, 255] : guestMac;
  const src = r(2) === 0 ? PEER_IP : [10, 0, 2, r(256)];
  const kind = r(8);
  let frame: Buffer;
  // Never empty: QEMU's dgram netdev takes an empty datagram for the end of the connection and stops reading.
  if (kind === 0) return bytes(1 + r(1600)); // anything at all, of any length
  if (kind === 1) frame = ethernet(dstMac, 0x0806, arp(1 + r(3), r(2) ? GUEST_IP : [10, 0, 2, r(256)], src));
  else if (kind === 2) frame = ethernet(dstMac, 0x0800, ipv4(src, GUEST_IP, 1, icmpEcho(r(65536), r(65536), bytes(r(64))), -1));
  else if (kind === 3) frame = ethernet(dstMac, 0x0800, ipv4(src, GUEST_IP, 17, udp(r(65536), [67, 68, 80, r(65536)][r(4)]!, bytes(r(300))), 6));
  else if (kind <= 6) {
    const opts = r(3) === 0 ? Buffer.from([2, 4, r(256), r(256)]) : r(3) === 0 ? bytes(r(40)) : Buffer.alloc(0);
    frame = ethernet(dstMac, 0x0800, ipv4(src, GUEST_IP, 6, tcp(1024 + r(60000), r(4) ? 80 : r(65536), r(2 ** 32), r(2 ** 32), r(64), opts, bytes(r(3) ? 0 : r(1400))), 16));
  } else frame = ethernet(dstMac, 0x0800, ipv4(src, GUEST_IP, r(256), bytes(r(100))));
  // Change a few bytes (or none): header fields, lengths and checksums go wrong in every way.
  const flips = r(4);
  for (let k = 0; k < flips; k++) frame[r(frame.length)] = r(256);
  if (r(10) === 0) frame = frame.subarray(0, 1 + r(frame.length));
  return frame;
}
