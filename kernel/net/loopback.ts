// The loopback interface: packets to 127.0.0.0/8 or to our own address
// join a queue, and the queue is drained right away by whoever added the
// first packet, one packet at a time. So an answer sent while a packet is
// being delivered (a TCP ACK, an echo) waits its turn instead of
// recursing, and the depth of the stack stays constant however long the
// conversation. Everything runs with interrupts off.
import { Net, netCount } from './counters';
import { ipInput } from './ipv4';
import { ETH_HLEN, PktQueue, pktLen } from './pktbuf';

const queue = new PktQueue();
let draining = false;

/** Sends IP packet `p` (`len` bytes from ETH_HLEN) to ourselves. */
export function loopbackSend(p: i32, len: i32): void {
  pktLen[p] = ETH_HLEN + len;
  queue.push(p);
  netCount(Net.FramesOut);
  if (draining) return;
  draining = true;
  for (let q = queue.pop(); q >= 0; q = queue.pop()) {
    netCount(Net.FramesIn);
    ipInput(q, pktLen[q] - ETH_HLEN);
  }
  draining = false;
}
