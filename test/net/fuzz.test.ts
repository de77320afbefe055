// The frame fuzzer (issue #17): the guest's NIC is wired to this test over
// a dgram netdev on 127.0.0.1, and 100,000 seeded random and mutated
// frames (Ethernet, ARP, IPv4, ICMP, UDP, TCP; test/net/frames.ts) go in
// while httpd listens. Afterwards the kernel must still answer ARP, ping
// and a SYN to httpd's port, hold no packet buffer, and have every frame
// and heap byte back once its half-open connections have timed out.
import { createSocket, type Socket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { shellRun } from '../kernel/kernel.js';
import { bootOnNetwork, startHttpd } from './guest.js';
import { hangLimit } from '../harness/timing.js';
import { mulberry32 } from '../fuzz/generator.js';
import { GUEST_IP, PEER_IP, arp, ethernet, fuzzFrame, icmpEcho, ipv4, tcp } from './frames.js';

const FRAMES = 100_000;
const BATCH = 25; // with its probe, fewer frames than the guest has receive buffers (32)

function bindUdp(): Promise<{ sock: Socket; port: number }> {
  return new Promise((resolve) => {
    const sock = createSocket('udp4');
    sock.bind(0, '127.0.0.1', () => resolve({ sock, port: sock.address().port }));
  });
}

describe('frame fuzzer', () => {
  it(`${FRAMES} random and mutated frames: no crash, hang or leak, and the guest still answers`, async () => {
    const wire = await bindUdp(); // the guest's frames arrive here
    const spare = await bindUdp(); // a port for QEMU's end, free a moment ago
    const localPort = spare.port;
    spare.sock.close();
    const received: Buffer[] = [];
    wire.sock.on('message', (m) => received.push(m));
    const send = (frame: Buffer): Promise<void> => new Promise((r) => wire.sock.send(frame, localPort, '127.0.0.1', () => r()));
    try {
      const vm = await bootOnNetwork({ dgram: { localPort, remotePort: wire.port } }, '(the static fallback)'); // nobody answers DHCP here
      const discover = received.find((f) => f.length > 14 && f.readUInt16BE(12) === 0x0800);
      expect(discover).toBeDefined();
      const guestMac = [...discover!.subarray(6, 12)];
      await startHttpd(vm);
      const mem = async (): Promise<string> => (await shellRun(vm, 'mem')).replace(/\(\d+ KiB free\)/, '');
      const before = await mem();

      const reply = async (what: string, match: (f: Buffer) => boolean): Promise<Buffer> => {
        const deadline = Date.now() + hangLimit(20_000);
        while (!received.some(match)) {
          if (Date.now() > deadline) throw new Error(`no ${what} from the guest; its counters:\n${await shellRun(vm, 'cat /dev/netstat', hangLimit(20_000))}`);
          await new Promise((r) => setTimeout(r, 20)); // polls the frames that arrived, up to the deadline
        }
        return received.find(match)!;
      };
      // After every batch, a ping the guest must answer: it paces the sender to the guest (so QEMU's
      // socket does not overflow) and shows the guest alive all along.
      const probe = async (seq: number): Promise<void> => {
        received.length = 0;
        await send(ethernet(guestMac, 0x0806, arp(2, GUEST_IP))); // the reply's next hop is known, whatever the fuzz taught
        await send(ethernet(guestMac, 0x0800, ipv4(PEER_IP, GUEST_IP, 1, icmpEcho(0x5151, seq, Buffer.from('probe')))));
        await reply(`the echo reply to probe ${seq}`, (f) => f.length >= 42 && f[23] === 1 && f[34] === 0 && f.readUInt16BE(38) === 0x5151 && f.readUInt16BE(40) === seq);
      };
      const rand = mulberry32(20261207);
      const started = Date.now();
      for (let i = 0; i < FRAMES; i++) {
        await send(fuzzFrame(rand, guestMac));
        if (i % BATCH === BATCH - 1) {
          await probe(Math.floor(i / BATCH) & 0xffff);
          expect(Date.now() - started, 'the fuzz loop is bounded in time').toBeLessThan(hangLimit(600_000));
        }
      }
      // Half-open connections give up after 15 s, ARP waits after 3 s.
      await shellRun(vm, 'sleep 20', hangLimit(60_000));

      received.length = 0;
      await send(ethernet([255, 255, 255, 255, 255, 255], 0x0806, arp(1, GUEST_IP)));
      const arpReply = await reply('an ARP reply', (f) => f.length >= 42 && f.readUInt16BE(12) === 0x0806 && f.readUInt16BE(20) === 2);
      expect([...arpReply.subarray(28, 32)]).toEqual(GUEST_IP);
      await send(ethernet(guestMac, 0x0800, ipv4(PEER_IP, GUEST_IP, 1, icmpEcho(0x4242, 7, Buffer.from('still alive')))));
      const echo = await reply('an echo reply', (f) => f.length >= 42 && f.readUInt16BE(12) === 0x0800 && f[23] === 1 && f[34] === 0);
      expect([echo.readUInt16BE(38), echo.readUInt16BE(40), echo.subarray(42).toString()]).toEqual([0x4242, 7, 'still alive']);
      await send(ethernet(guestMac, 0x0800, ipv4(PEER_IP, GUEST_IP, 6, tcp(40000, 80, 1000, 0, 0x02, Buffer.alloc(0), Buffer.alloc(0)), 16)));
      const synAck = await reply('a SYN-ACK from httpd', (f) => f.length >= 54 && f[23] === 6 && f.readUInt16BE(36) === 40000 && f[47] === 0x12);
      expect(synAck.readUInt32BE(42)).toBe(1001);
      await send(ethernet(guestMac, 0x0800, ipv4(PEER_IP, GUEST_IP, 6, tcp(40000, 80, 1001, 0, 0x04, Buffer.alloc(0), Buffer.alloc(0)), 16)));

      const stat = new Map((await shellRun(vm, 'cat /dev/netstat')).trim().split('\n').map((l) => l.split(' ') as [string, string]));
      expect(Number(stat.get('frames_in'))).toBeGreaterThan(FRAMES * 0.95); // the frames reached the stack (paced by the probes, few are lost in QEMU's socket)
      expect(stat.get('packets_in_use')).toBe('0');
      expect(stat.get('tcp_blocks')).toBe('1'); // httpd's listener
      expect(await mem()).toBe(before);
      expect(await shellRun(vm, 'echo still here')).toBe('still here\n');
    } finally {
      wire.sock.close();
    }
  }, hangLimit(900_000));
});
