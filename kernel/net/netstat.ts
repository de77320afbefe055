// /dev/netstat: the network's counters for user space. Each open gets its
// own device holding a snapshot of the text, taken at open, which reads
// return from where the last one stopped: one "name value" line per
// counter (counters.ts), then the open sockets, the TCP blocks, the packet
// buffers in use and the interface's address, netmask and gateway.
import { Device } from '../fs/device';
import { copyToUser } from '../mm/usercopy';
import { Net, netCounter, netCounterName } from './counters';
import { eth } from './iface';
import { pktInUse } from './pktbuf';
import { socketsOpen } from './socket';
import { tcbCount } from './tcb';

const TEXT_MAX: i32 = 2048;
export const NETSTAT_PATH = '/dev/netstat';

class Netstat extends Device {
  readonly text = new Uint8Array(2048);
  len: i32 = 0;
  at: i32 = 0;
  refs: i32 = 0;

  path(): string { return NETSTAT_PATH; }

  read(buf: u64, len: u64): i64 {
    const left = u64(this.len - this.at);
    const n = len < left ? len : left;
    const r = copyToUser(buf, changetype<usize>(this.text) + 8 + usize(this.at), n);
    if (r < 0) return r;
    this.at += i32(n);
    return i64(n);
  }

  write(buf: u64, len: u64): i64 { return i64(len); }

  opened(): void { this.refs++; }

  released(): void {
    this.refs--;
    if (this.refs == 0) free(this);
  }

  put(s: string): void {
    for (let i: i32 = 0; i < s.length && this.len < TEXT_MAX; i++) this.text[this.len++] = u8(s.charCodeAt(i));
  }

  putUint(v: u64): void {
    let div: u64 = 1;
    while (v / div >= 10) div *= 10;
    for (; div > 0; div /= 10) if (this.len < TEXT_MAX) this.text[this.len++] = u8(48 + (v / div) % 10);
  }

  putAddr(a: u32): void {
    for (let i: i32 = 3; i >= 0; i--) {
      this.putUint(u64((a >> u32(8 * i)) & 255));
      if (i > 0) this.put('.');
    }
  }

  line(name: string, v: u64): void {
    this.put(name);
    this.put(' ');
    this.putUint(v);
    this.put('\n');
  }
}

/** A new /dev/netstat device with the counters as they are now. */
export function netstatOpen(): Device {
  const d = new Netstat();
  for (let i: i32 = 0; i < Net.Count; i++) d.line(netCounterName(i), netCounter(i));
  d.line('sockets_open', u64(socketsOpen()));
  d.line('tcp_blocks', u64(tcbCount()));
  d.line('packets_in_use', u64(pktInUse()));
  d.put('address ');
  d.putAddr(eth.addr);
  d.put('\nnetmask ');
  d.putAddr(eth.mask);
  d.put('\ngateway ');
  d.putAddr(eth.gateway);
  d.put('\n');
  return d;
}
