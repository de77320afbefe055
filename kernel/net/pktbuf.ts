// Packet buffers: a fixed pool of PKT_COUNT buffers of PKT_SIZE bytes in
// static storage, handed out by index, so the network can never take more
// memory than the pool however much traffic arrives. A packet's bytes start
// at its buffer's beginning with room for an Ethernet header (ETH_HLEN), so
// an IP packet sits at the same offset whether it came from a NIC or from
// the loopback interface. Packets wait in queues linked through pktNext.

/** Buffers in the pool. */
export const PKT_COUNT: i32 = 128;
/** Bytes per buffer: a full Ethernet frame (1514) fits. */
export const PKT_SIZE: i32 = 2048;
/** Where the IP header starts in every buffer. */
export const ETH_HLEN: i32 = 14;
/** The largest IP packet: Ethernet's MTU. */
export const IP_MTU: i32 = 1500;

const pool = new Uint8Array(262144); // PKT_COUNT * PKT_SIZE
/** Per packet: its length in bytes (from the buffer's start), and the next packet in its queue or -1. */
export const pktLen = new Int32Array(128);
export const pktNext = new Int32Array(128);
const used = new Uint8Array(128);
let freeHead: i32 = -1;
let inUse: i32 = 0;
let ready = false;

function poolInit(): void {
  for (let i: i32 = PKT_COUNT - 1; i >= 0; i--) {
    pktNext[i] = freeHead;
    freeHead = i;
  }
  ready = true;
}

/** A free buffer (its length 0, no next), or -1 when the pool is empty. */
export function pktAlloc(): i32 {
  if (!ready) poolInit();
  const p = freeHead;
  if (p < 0) return -1;
  freeHead = pktNext[p];
  pktNext[p] = -1;
  pktLen[p] = 0;
  used[p] = 1;
  inUse++;
  return p;
}

/** Returns packet `p` to the pool; freeing a free one is a kernel bug. */
export function pktFree(p: i32): void {
  assert(used[p] == 1, 'pktFree: packet is not in use');
  used[p] = 0;
  pktNext[p] = freeHead;
  freeHead = p;
  inUse--;
}

/** The address of packet `p`'s first byte. */
export function pktData(p: i32): usize {
  return changetype<usize>(pool) + 8 + usize(p) * usize(PKT_SIZE);
}

/** Buffers handed out and not freed. */
export function pktInUse(): i32 {
  return inUse;
}

/** A FIFO of packets linked through pktNext. */
export class PktQueue {
  head: i32 = -1;
  tail: i32 = -1;
  count: i32 = 0;

  push(p: i32): void {
    pktNext[p] = -1;
    if (this.tail < 0) this.head = p;
    else pktNext[this.tail] = p;
    this.tail = p;
    this.count++;
  }

  /** The oldest packet, taken off the queue, or -1. */
  pop(): i32 {
    const p = this.head;
    if (p < 0) return -1;
    this.head = pktNext[p];
    if (this.head < 0) this.tail = -1;
    pktNext[p] = -1;
    this.count--;
    return p;
  }

  /** Frees every packet in the queue. */
  clear(): void {
    for (let p = this.pop(); p >= 0; p = this.pop()) pktFree(p);
  }
}
