// The network's clock: the timer interrupt calls netTick on every tick
// (interrupts/irq.ts) with the milliseconds since boot. It advances the
// stack's clock (netNow) and runs the timers that depend on it: ARP
// retries and expiry, TCP retransmission and TIME_WAIT, socket receive
// timeouts; then it delivers what they sent to ourselves.
import { arpTick } from './arp';
import { netSetNow } from './iface';
import { netFlush } from './loopback';
import { netSocketsTick } from './socket';
import { tcpTick } from './tcpout';

export function netTick(ms: u64): void {
  netSetNow(ms);
  arpTick();
  tcpTick();
  netSocketsTick();
  netFlush();
}
