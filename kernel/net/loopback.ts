// The loopback interface: packets to 127.0.0.0/8 or to our own address
// join a queue, and netFlush delivers them, one at a time, until the queue
// is empty (answers to what it delivers join the same queue). Sending
// never delivers: a protocol finishes changing its state before any packet
// it sent can come back to it, however deep the call, and the stack never
// recurses. netFlush runs at the end of every socket call, before a socket
// call sleeps, and after the timers (tick.ts). Everything runs with
// interrupts off.
import { Net, netCount } from './counters';
import { ipInput } from './ipv4';
import { ETH_HLEN, PktQueue, pktLen } from './pktbuf';

const queue = new PktQueue();
let flushing = false;

/** Queues IP packet `p` (`len` bytes from ETH_HLEN) for ourselves. */
export function loopbackSend(p: i32, len: i32): void {
  pktLen[p] = ETH_HLEN + len;
  queue.push(p);
  netCount(Net.FramesOut);
}

/** Delivers every queued loopback packet; whether there was any. */
export function netFlush(): bool {
  if (flushing || queue.count == 0) return false;
  flushing = true;
  for (let q = queue.pop(); q >= 0; q = queue.pop()) {
    netCount(Net.FramesIn);
    ipInput(q, pktLen[q] - ETH_HLEN);
  }
  flushing = false;
  return true;
}
