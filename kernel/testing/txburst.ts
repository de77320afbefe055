// The test build's `txburst N` command: N Ethernet frames handed to the NIC
// at once, with interrupts off and the device not notified until the end
// (so it cannot finish any meanwhile, however fast the host), so the
// transmit slots run out and the virtio-net backlog
// (kernel/drivers/virtio/net.ts) takes the rest until it is full too. Each frame is a broadcast of EtherType 0x88B5 (local
// experimental) whose payload starts "txburst" and a 4-byte sequence number.
// With interrupts back on, it waits until the backlog has drained, then
// answers "txburst sent S dropped D peak P": S frames the NIC sent, D the
// drop_tx_full count, P the deepest the backlog got. The test
// (test/net/txburst.test.ts) reads the frames off a dgram wire: every frame
// not dropped arrives, once, in the order it was handed over.
import { consoleWrite, consoleWriteUint } from '../console/console';
import { enableAndWait } from '../cpu/wait';
import { virtioNetBacklog, virtioNetHoldTx, virtioNetStats } from '../drivers/virtio/net';
import { Net, netCounter } from '../net/counters';
import { eth } from '../net/iface';
import { pktAlloc, pktData, pktLen } from '../net/pktbuf';

const TAG = 'txburst';

/** Builds frame `seq` in a new packet; -1 when the pool is empty. */
function frame(seq: u32): i32 {
  const p = pktAlloc();
  if (p < 0) return -1;
  const d = pktData(p);
  memset(d, 0xff, 6); // broadcast
  for (let i: usize = 0; i < 6; i++) store<u8>(d + 6 + i, u8((eth.mac >> u64(8 * (5 - i))) & 255));
  store<u8>(d + 12, 0x88);
  store<u8>(d + 13, 0xb5);
  memset(d + 14, 0, 46);
  for (let i: i32 = 0; i < TAG.length; i++) store<u8>(d + 14 + usize(i), u8(TAG.charCodeAt(i)));
  for (let i: usize = 0; i < 4; i++) store<u8>(d + 21 + i, u8((seq >> u32(8 * (3 - i))) & 255));
  pktLen[p] = 60;
  return p;
}

/** Runs `txburst count`. */
export function txBurstCommand(count: u32): void {
  const send = eth.transmit;
  if (send === null) {
    consoleWrite('txburst: no NIC\n');
    return;
  }
  cli();
  const sent0 = virtioNetStats(1);
  const dropped0 = netCounter(Net.TxFull);
  let peak: i32 = 0;
  virtioNetHoldTx(true);
  for (let seq: u32 = 0; seq < count; seq++) {
    const p = frame(seq);
    if (p < 0) break;
    send(p);
    const b = virtioNetBacklog();
    if (b > peak) peak = b;
  }
  virtioNetHoldTx(false);
  while (virtioNetBacklog() > 0) {
    enableAndWait(); // the queue interrupt (or the timer's poll) drains it
    cli();
  }
  sti();
  consoleWrite('txburst sent ');
  consoleWriteUint(virtioNetStats(1) - sent0);
  consoleWrite(' dropped ');
  consoleWriteUint(netCounter(Net.TxFull) - dropped0);
  consoleWrite(' peak ');
  consoleWriteUint(u64(peak));
  consoleWrite('\n');
}
