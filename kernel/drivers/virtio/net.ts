// virtio-net (virtio 1.x, 5.1): the Ethernet interface's NIC. The MAC comes
// from the device configuration (VIRTIO_NET_F_MAC; a fixed locally
// administered one otherwise); no offloads are negotiated, so every buffer
// carries the 12-byte virtio_net_hdr, zero on transmit. Receive: NET_RX
// buffers of a frame each stay posted; the queue interrupt copies each
// used one (its length checked: a header and 14 to 1514 bytes of frame)
// into a packet buffer for ethInput and posts it again. Transmit: a frame
// is copied into one of NET_TX slots and submitted; the interrupt frees
// the slots the device has used and fills them from a backlog of up to
// TX_BACKLOG frames that found none free (beyond that a frame is dropped
// and counted). docs/network.md, "virtio-net".
import { allocZeroedFrame } from '../../mm/frames';
import { physToVirt } from '../../mm/phys';
import { Net, netCount } from '../../net/counters';
import { ethInput } from '../../net/ethernet';
import { eth } from '../../net/iface';
import { netFlush } from '../../net/loopback';
import { pktAlloc, pktData, pktFree, pktLen, pktNext } from '../../net/pktbuf';
import { PciDevice } from '../pci/device';
import { virtioConfigRead, VirtioDevice, virtioFail, virtioInit, virtioQueue, virtioReady } from './device';
import { Virtqueue } from './queue';

const F_MAC: u64 = u64(1) << 5;
const HDR: u32 = 12;
const FRAME_MAX: u32 = 1514;
const NET_RX: i32 = 32;
const NET_TX: i32 = 32;
/** Frames waiting for a transmit slot, at most (a quarter of the packet pool). */
const TX_BACKLOG: i32 = 32;
/** The MAC used when the device offers none (locally administered). */
const FALLBACK_MAC: u64 = 0x52_54_00_12_34_56;

class VirtioNet {
  constructor(readonly dev: VirtioDevice, readonly rx: Virtqueue, readonly tx: Virtqueue) {}
  /** Per buffer: the physical address of its frame; per descriptor head: the buffer or slot it carries (-1: none). */
  readonly rxPhys = new Uint64Array(32);
  readonly txPhys = new Uint64Array(32);
  readonly txBusy = new Uint8Array(32);
  readonly rxOfHead = new Int32Array(128);
  readonly txOfHead = new Int32Array(128);
  received: u64 = 0;
  sent: u64 = 0;
  rxBad: u64 = 0;
  /** The backlog: a queue of packets linked through pktNext. */
  backHead: i32 = -1;
  backTail: i32 = -1;
  backLen: i32 = 0;
}

let nic: VirtioNet | null = null;

/** Posts receive buffer `i` to the device. */
function post(n: VirtioNet, i: i32): void {
  const head = n.rx.take(1);
  if (head < 0) return;
  n.rx.fill(u16(head), 0, n.rxPhys[i], 4096, true);
  n.rxOfHead[head] = i;
  n.rx.submit(u16(head));
}

/** Frees the transmit slots the device has finished with, then gives them to the backlog. */
function reclaim(n: VirtioNet): void {
  for (let head = n.tx.popUsed(); head >= 0; head = n.tx.popUsed()) {
    const slot = n.txOfHead[head];
    if (slot >= 0) n.txBusy[slot] = 0;
    n.txOfHead[head] = -1;
  }
  while (n.backHead >= 0) {
    const p = n.backHead;
    if (!send(n, p)) break;
    n.backHead = pktNext[p];
    if (n.backHead < 0) n.backTail = -1;
    n.backLen--;
    pktFree(p);
  }
}

/** The queue interrupt: received frames go up the stack, used transmit slots come back. */
function onQueue(dev: VirtioDevice): void {
  collect(nic!);
}

/** The timer's look at the queues (netTick): what an interrupt that never came left in them. */
export function virtioNetPoll(): void {
  const n = nic;
  if (n !== null) collect(n);
}

function collect(n: VirtioNet): void {
  for (let head = n.rx.popUsed(); head >= 0; head = n.rx.popUsed()) {
    const i = n.rxOfHead[head];
    n.rxOfHead[head] = -1;
    if (i < 0) continue;
    const len = n.rx.usedLength;
    if (len < HDR + 14 || len > HDR + FRAME_MAX) n.rxBad++;
    else {
      const p = pktAlloc();
      if (p < 0) netCount(Net.PoolEmpty);
      else {
        memcpy(pktData(p), physToVirt(n.rxPhys[i]) + usize(HDR), usize(len - HDR));
        pktLen[p] = i32(len - HDR);
        n.received++;
        ethInput(p);
      }
    }
    post(n, i);
  }
  reclaim(n);
  netFlush();
}

/** Copies packet `p` into a free transmit slot and submits it; false when no slot or descriptor is free. */
function send(n: VirtioNet, p: i32): bool {
  let slot: i32 = -1;
  for (let s: i32 = 0; s < NET_TX && slot < 0; s++) if (n.txBusy[s] == 0) slot = s;
  if (slot < 0) return false;
  const head = n.tx.take(1);
  if (head < 0) return false;
  const len = u32(pktLen[p]);
  const at = physToVirt(n.txPhys[slot]);
  memset(at, 0, usize(HDR));
  memcpy(at + usize(HDR), pktData(p), usize(len));
  n.txBusy[slot] = 1;
  n.txOfHead[head] = slot;
  n.tx.fill(u16(head), 0, n.txPhys[slot], HDR + len, false);
  n.tx.submit(u16(head));
  n.sent++;
  return true;
}

/**
 * Sends the frame in packet `p` (eth.transmit), which it then owns: the
 * slots the device is done with come back first (and go to the backlog,
 * which nothing overtakes), then `p` takes a free slot or joins the
 * backlog; it is dropped when the backlog is full too.
 */
function transmit(p: i32): void {
  const n = nic!;
  if (u32(pktLen[p]) <= FRAME_MAX) {
    reclaim(n);
    if (n.backHead < 0 && send(n, p)) {
      pktFree(p);
      return;
    }
  }
  if (u32(pktLen[p]) > FRAME_MAX || n.backLen >= TX_BACKLOG) {
    netCount(Net.TxFull);
    pktFree(p);
    return;
  }
  pktNext[p] = -1;
  if (n.backTail >= 0) pktNext[n.backTail] = p;
  else n.backHead = p;
  n.backTail = p;
  n.backLen++;
}

/** Test builds (`txburst`): holds the transmit queue's notifications (true), or ends the hold and notifies (false). */
export function virtioNetHoldTx(on: bool): void {
  const n = nic;
  if (n === null) return;
  n.tx.holdNotify = on;
  if (!on) n.tx.kick();
}

/** Frames waiting in the transmit backlog now. */
export function virtioNetBacklog(): i32 {
  const n = nic;
  return n === null ? 0 : n.backLen;
}

/** Frames the NIC received (0) and sent (1), received buffers refused for their length (2), queue interrupts (3). */
export function virtioNetStats(which: i32): u64 {
  const n = nic;
  if (n === null) return 0;
  return which == 0 ? n.received : which == 1 ? n.sent : which == 2 ? n.rxBad : n.dev.queueInterrupts;
}

/** The PCI probe: takes the first virtio-net device and makes it the Ethernet interface's NIC. */
export function virtioNetProbe(pci: PciDevice): bool {
  if (nic !== null) return false;
  const dev = virtioInit(pci, F_MAC);
  if (dev === null) return false;
  const rx = virtioQueue(dev, 0, 64);
  const tx = virtioQueue(dev, 1, 64);
  if (rx === null || tx === null) return virtioFail(dev, 'virtio-net: no receive or transmit queue') !== null;
  const n = new VirtioNet(dev, rx, tx);
  for (let h: i32 = 0; h < 128; h++) {
    n.rxOfHead[h] = -1;
    n.txOfHead[h] = -1;
  }
  for (let i: i32 = 0; i < NET_RX; i++) n.rxPhys[i] = allocZeroedFrame();
  for (let i: i32 = 0; i < NET_TX; i++) n.txPhys[i] = allocZeroedFrame();
  for (let i: i32 = 0; i < NET_RX; i++) if (n.rxPhys[i] == 0 || n.txPhys[i] == 0) return virtioFail(dev, 'virtio-net: out of memory') !== null;
  let mac: u64 = 0;
  if ((dev.features & F_MAC) != 0) for (let i: u32 = 0; i < 6; i++) mac = (mac << 8) | virtioConfigRead(dev, i, 1);
  eth.mac = mac == 0 ? FALLBACK_MAC : mac;
  nic = n;
  for (let i: i32 = 0; i < NET_RX; i++) post(n, i);
  if (!virtioReady(dev, 'virtio-net', onQueue)) {
    nic = null;
    return false;
  }
  eth.transmit = transmit;
  return true;
}
