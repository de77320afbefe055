// /dev/netstat: the network's counters for user space, a read-only text
// file (kernel/fs/textfile.ts: each open a snapshot). One "name value"
// line per counter (counters.ts), then the open sockets, the TCP blocks,
// the packet buffers in use, the NIC's frames received, sent and
// refused (bad length) and its queue interrupts, the TSC and the CPUs'
// cycles halted (kernel/cpu/idletime.ts: instructions under -icount), and
// the Ethernet interface's address, netmask and gateway.
import { TextBuilder } from 'tskc:text';
import { Net, netCounter, netCounterName } from './counters';
import { eth } from './iface';
import { pktInUse } from './pktbuf';
import { socketsOpen } from './socket';
import { tcbCount } from './tcb';
import { virtioNetStats } from '../drivers/virtio/net';
import { idleTscTotal } from '../cpu/idletime';

function line(t: TextBuilder, name: string, v: u64): void {
  t.str(name).str(' ').uint(v).str('\n');
}

function addr(t: TextBuilder, name: string, a: u32): void {
  t.str(name).str(' ');
  for (let i: i32 = 3; i >= 0; i--) {
    t.uint(u64((a >> u32(8 * i)) & 255));
    if (i > 0) t.str('.');
  }
  t.str('\n');
}

/** Writes the listing (a TextSource). */
export function netstatText(t: TextBuilder): void {
  for (let i: i32 = 0; i < Net.Count; i++) line(t, netCounterName(i), netCounter(i));
  line(t, 'sockets_open', u64(socketsOpen()));
  line(t, 'tcp_blocks', u64(tcbCount()));
  line(t, 'packets_in_use', u64(pktInUse()));
  line(t, 'nic_received', virtioNetStats(0));
  line(t, 'nic_sent', virtioNetStats(1));
  line(t, 'nic_refused', virtioNetStats(2));
  line(t, 'nic_interrupts', virtioNetStats(3));
  line(t, 'cpu_tsc', rdtsc());
  line(t, 'cpu_idle_tsc', idleTscTotal());
  addr(t, 'address', eth.addr);
  addr(t, 'netmask', eth.mask);
  addr(t, 'gateway', eth.gateway);
}
