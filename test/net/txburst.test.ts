// The virtio-net transmit backlog (kernel/drivers/virtio/net.ts): the test
// build's `txburst 100` hands the NIC 100 frames at once with interrupts
// off and the device told only at the end, more than its 32 transmit slots
// and 32-frame backlog hold. Read off
// a dgram wire on 127.0.0.1: every frame the NIC counted as sent arrives
// once and in order, every other one was counted as dropped (drop_tx_full),
// and the backlog was used and drained.
import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { BANNER, sendCommand, testKernelBuild } from '../kernel/kernel.js';
import { useQemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';

const COUNT = 100;

describe('virtio-net transmit backlog', () => {
  it('sends what fits in order, queues the rest behind the slots, and drops and counts beyond the backlog', async () => {
    const wire = createSocket('udp4');
    await new Promise<void>((r) => wire.bind(0, '127.0.0.1', () => r()));
    const spare = createSocket('udp4');
    await new Promise<void>((r) => spare.bind(0, '127.0.0.1', () => r()));
    const localPort = spare.address().port; // QEMU's end: free a moment ago
    spare.close();
    const seqs: number[] = [];
    wire.on('message', (f: Buffer) => {
      if (f.length >= 25 && f.readUInt16BE(12) === 0x88b5 && f.toString('latin1', 14, 21) === 'txburst') seqs.push(f.readUInt32BE(21));
    });
    try {
      const k = await testKernelBuild();
      const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, network: { dgram: { localPort, remotePort: wire.address().port } } });
      await vm.waitForSerial(`${BANNER}\r\n> `);
      const at = await sendCommand(vm, `txburst ${COUNT}`);
      const out = (await vm.waitForSerial(/txburst sent \d+ dropped \d+ peak \d+\r\n/, hangLimit(30_000), { since: at })).slice(at);
      const [, sent, dropped, peak] = /txburst sent (\d+) dropped (\d+) peak (\d+)/.exec(out)!.map(Number);
      expect(sent! + dropped!).toBe(COUNT);
      // The device, not notified during the burst, finished none: 32 in the slots, 32 in the backlog, the rest dropped.
      expect([sent, dropped, peak]).toEqual([64, COUNT - 64, 32]);
      const deadline = Date.now() + hangLimit(10_000);
      while (seqs.length < sent! && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20)); // the last datagrams in flight
      expect(seqs.length).toBe(sent);
      expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true); // once each, in the order handed over
    } finally {
      wire.close();
    }
  }, hangLimit(180_000));
});
