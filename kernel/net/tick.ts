// The network's clock: the timer interrupt calls netTick on every tick
// (interrupts/irq.ts) with the milliseconds since boot. It advances the
// stack's clock (netNow) and runs the timers that depend on it: ARP
// retries and expiry, the DHCP client, TCP retransmission and TIME_WAIT, socket receive
// timeouts; then it delivers what they sent to ourselves.
import { arpTick } from './arp';
import { virtioNetPoll } from '../drivers/virtio/net';
import { dhcpTick } from './dhcp';
import { netSetNow } from './iface';
import { netFlush } from './loopback';
import { netSocketsTick } from './socket';
import { tcpTick } from './tcpout';

export function netTick(ms: u64): void {
  netSetNow(ms);
  virtioNetPoll();
  arpTick();
  dhcpTick();
  tcpTick();
  netSocketsTick();
  netFlush();
}
